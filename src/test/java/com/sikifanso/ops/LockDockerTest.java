package com.sikifanso.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.Services;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.cli.CommandLines;
import com.sikifanso.cluster.RealDocker;
import com.sikifanso.clusterfile.LockFile;
import com.sikifanso.clusterfile.LockFileParser;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.K3dNames;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.SikifansoHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * create --from-lock with nodes, on the real Docker engine: the nodes run the lock's k3s image and the repo has its
 * apps before they start. The node image is the busybox stand-in (no k3s image can be had here), so the lock's
 * k3sImage is set to it, and the platform bootstrap (Helm against a k3s API) is skipped, as bench/ does.
 */
class LockDockerTest {
    @TempDir
    Path tmp;

    private final Map<String, String> env = new HashMap<>();
    private Services services;
    private String name;

    @BeforeEach
    void home() {
        RealDocker.require();
        env.putAll(System.getenv());
        env.put("SIKIFANSO_HOME", tmp.resolve("home").toString());
        env.put("KUBECONFIG", tmp.resolve("kube/config").toString());
        env.put("HOME", tmp.toString());
        env.remove("SIKIFANSO_CLUSTER");
        services = new Services(BuildInfo.load(), SikifansoHome.fromEnvironment(env), Duration.ofSeconds(30),
                msg -> { }, env);
        name = "lck-" + Long.toString(System.nanoTime() % 46656, 36);
    }

    @AfterEach
    void removeTheCluster() {
        try {
            services.clusters().delete(ClusterName.of(name));
        } catch (SikifansoException alreadyGone) {
            // Not made, or deleted; containers a failed step may have left are removed below.
        }
        services.clusters().backends().nodes().remove(new K3dNames(name));
    }

    @Test
    void theNodesRunTheLockedImageAndTheRepoHasTheLockedApps() throws Exception {
        assertThat(cli("cluster", "create", "locked", "--gitops-only", "--profile", "rag").code()).isZero();
        Path lockFile = tmp.resolve("locked.lock");
        assertThat(cli("cluster", "lock", "-c", "locked", "--file", lockFile.toString()).code()).isZero();
        String lock = Files.readString(lockFile);
        Files.writeString(lockFile, lock.replace("k3sImage: rancher/k3s:v1.36.3-k3s1",
                "k3sImage: " + RealDocker.STAND_IN_IMAGE));

        Run created = cli("-o", "json", "cluster", "create", name, "--from-lock", lockFile.toString(),
                "--no-switch-context", "--skip-bootstrap");

        assertThat(created.code()).as(created.err()).isZero();
        JsonNode session = Mappers.JSON.readTree(created.out()).get("session");
        assertThat(session.at("/k3dConfig/image").asText()).isEqualTo(RealDocker.STAND_IN_IMAGE);
        String server = new K3dNames(name).server(0);
        assertThat(services.clusters().backends().nodes().inspect(server)
                .getConfig().getImage()).isEqualTo(RealDocker.STAND_IN_IMAGE);
        Catalog catalog = Catalog.load(Path.of(session.get("gitOpsPath").asText()));
        assertThat(catalog.entries().stream().filter(e -> e.enabled()).map(e -> e.name()).sorted().toList())
                .isEqualTo(LockFileParser.read(lockFile).apps().stream().map(LockFile.App::name).toList())
                .contains("qdrant", "text-embeddings-inference", "unstructured");
    }

    record Run(int code, String out, String err) {
    }

    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLines.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Run(code, out.toString(), err.toString());
    }
}
