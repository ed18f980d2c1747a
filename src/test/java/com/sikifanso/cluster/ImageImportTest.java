package com.sikifanso.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.K3dNames;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * image import on the real Docker engine with the stand-in nodes. The stand-in has no containerd, so each node gets a
 * recording {@code ctr} (and busybox's {@code rm}, which a k3s image has): what is checked is the command run in every
 * k3s node, with k3d's arguments, and that the tarball it names is in the shared image volume at that moment, holding
 * the image as docker save wrote it; then that the tarball is gone. containerd importing it cannot run here.
 */
class ImageImportTest {
    /** Records its arguments and the tarball's first entries, per node, in the shared image volume. */
    private static final String RECORDING_CTR = """
            #!/bin/sh
            echo "$*" > /k3d/images/ctr-args-$(cat /etc/hostname)
            /bin/busybox tar -tf "$4" > /k3d/images/ctr-saw-$(cat /etc/hostname)
            """;

    @RegisterExtension
    final DockerClusters engine = new DockerClusters();

    @Test
    void anImageGoesIntoEveryK3sNodeThroughCtrFromTheSharedVolume() {
        TestClusters clusters = engine.clusters();
        String name = clusters.name("imp");
        K3dNames names = new K3dNames(name);
        ClusterService.CreateRequest base = clusters.request(name);
        clusters.service().create(new ClusterService.CreateRequest(base.name(), base.template(), null, 1, base.image(),
                false, false, base.timeout(), false, PullPolicy.MISSING, null), com.sikifanso.core.Progress.NONE);
        for (String node : List.of(names.server(0), names.agent(0))) {
            clusters.nodes().writeFile(node, "/bin/ctr", RECORDING_CTR.getBytes(StandardCharsets.UTF_8), 0755);
            clusters.nodes().writeFile(node, "/bin/rm", "#!/bin/sh\nexec /bin/busybox rm \"$@\"\n"
                    .getBytes(StandardCharsets.UTF_8), 0755);
        }
        clusters.progress.clear();

        ImageImport.Imported imported = new ImageImport(RealDocker.engine(), clusters.nodes(), Clock.systemUTC())
                .load(ClusterName.of(name), List.of(RealDocker.STAND_IN_IMAGE), com.sikifanso.agui.RunProgress
                        .toLines(clusters.progress::add));

        assertThat(imported.nodes()).containsExactly(names.server(0), names.agent(0));
        assertThat(imported.bytes()).isPositive();
        for (String node : imported.nodes()) {
            String args = read(node, "/k3d/images/ctr-args-" + node);
            assertThat(args).matches("image import --all-platforms /k3d/images/k3d-" + name
                    + "-images-\\d{14}\\.tar\\n");
            assertThat(read(node, "/k3d/images/ctr-saw-" + node)).contains("manifest.json");
        }
        NodeRuntime.ExecResult left = clusters.nodes().exec(names.server(0), List.of("ls", "/k3d/images"),
                java.time.Duration.ofSeconds(10));
        assertThat(left.output()).doesNotContain(".tar");
        assertThat(clusters.progress).anyMatch(l -> l.contains("saving " + RealDocker.STAND_IN_IMAGE))
                .anyMatch(l -> l.contains("importing into " + names.server(0) + " (1/2)"))
                .anyMatch(l -> l.contains("importing into " + names.agent(0) + " (2/2)"));
    }

    @Test
    void anImageDockerDoesNotHaveIsRefusedBeforeAnythingIsCopied() {
        TestClusters clusters = engine.clusters();
        String name = clusters.name("impmiss");
        clusters.create(name);

        assertThatThrownBy(() -> new ImageImport(RealDocker.engine(), clusters.nodes(), Clock.systemUTC())
                .load(ClusterName.of(name), List.of("sikifanso/no-such-image:never"), com.sikifanso.core.Progress.NONE))
                .hasMessage("image sikifanso/no-such-image:never is not in Docker on this machine");
        assertThatThrownBy(() -> new ImageImport(RealDocker.engine(), clusters.nodes(), Clock.systemUTC())
                .load(ClusterName.of("nonodes"), List.of(RealDocker.STAND_IN_IMAGE), com.sikifanso.core.Progress.NONE))
                .hasMessage("cluster \"nonodes\" has no nodes in Docker");
    }

    private String read(String node, String path) {
        return new String(engine.clusters().nodes().readFile(node, path).orElseThrow(), StandardCharsets.UTF_8);
    }
}
