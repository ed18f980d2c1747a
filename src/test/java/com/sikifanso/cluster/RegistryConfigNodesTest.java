package com.sikifanso.cluster;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --registry-config lands in every node where k3s reads it, and survives start, snapshot and --from-snapshot. */
class RegistryConfigNodesTest {
    private static final String MIRROR = """
            mirrors:
              docker.io:
                endpoint:
                  - "http://host.k3d.internal:5000"
            configs:
              host.k3d.internal:5000:
                auth: {username: robot, password: s3cret}
            """;

    @TempDir
    Path tmp;

    private TestClusters clusters;

    @BeforeEach
    void requireDocker() {
        RealDocker.require();
        clusters = TestClusters.at(tmp);
    }

    @AfterEach
    void cleanUp() {
        if (clusters != null) {
            clusters.removeAll();
        }
    }

    private ClusterService.CreateRequest withRegistries(String name, int agents, String registries) {
        ClusterService.CreateRequest r = clusters.request(name);
        return new ClusterService.CreateRequest(ClusterName.of(name), r.template(), null, agents, r.image(), true, false,
                r.timeout(), false, PullPolicy.MISSING, registries);
    }

    private String inNode(String container) {
        return clusters.nodes().readFile(container, RegistryConfig.NODE_PATH)
                .map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    void everyNodeGetsTheFileAndKeepsItAcrossStopAndStart() {
        String name = clusters.name("regs");
        clusters.service().create(withRegistries(name, 1, MIRROR), com.sikifanso.agui.RunProgress.toLines(clusters.progress::add));

        assertThat(inNode("k3d-" + name + "-server-0")).isEqualTo(MIRROR);
        assertThat(inNode("k3d-" + name + "-agent-0")).isEqualTo(MIRROR);
        assertThat(clusters.service().info(ClusterName.of(name)).k3dConfig().registryConfig()).isEqualTo(MIRROR);

        clusters.service().stop(ClusterName.of(name), com.sikifanso.agui.RunProgress.toLines(clusters.progress::add));
        clusters.service().start(ClusterName.of(name), null, PullPolicy.MISSING, com.sikifanso.agui.RunProgress.toLines(clusters.progress::add));
        assertThat(inNode("k3d-" + name + "-server-0")).isEqualTo(MIRROR);
    }

    @Test
    void aClusterCreatedFromASnapshotGetsTheMirrorsButNotTheLoginsUnlessSecretsWereIncluded() {
        String name = clusters.name("regsrc");
        clusters.service().create(withRegistries(name, 0, MIRROR), com.sikifanso.agui.RunProgress.toLines(clusters.progress::add));
        clusters.snapshots().capture(ClusterName.of(name), name + "-snap", false);

        String copy = clusters.adopt(name + "-copy");
        clusters.snapshots().seedCluster(name + "-snap", ClusterName.of(copy));
        clusters.service().create(withRegistries(copy, 0, null), com.sikifanso.agui.RunProgress.toLines(clusters.progress::add));

        String inCopy = inNode("k3d-" + copy + "-server-0");
        assertThat(inCopy).contains("http://host.k3d.internal:5000").doesNotContain("s3cret");
        assertThat(clusters.service().info(ClusterName.of(copy)).k3dConfig().registryConfig()).isEqualTo(inCopy);
    }

    @Test
    void withoutTheFlagNodesHaveNoRegistriesFile() {
        String name = clusters.name("noregs");
        clusters.service().create(withRegistries(name, 0, null), com.sikifanso.agui.RunProgress.toLines(clusters.progress::add));

        assertThat(inNode("k3d-" + name + "-server-0")).isNull();
        Session session = clusters.service().info(ClusterName.of(name));
        assertThat(session.k3dConfig().registryConfig()).isNull();
    }
}
