package com.sikifanso.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.cli.CommandLines;
import com.sikifanso.cluster.RealDocker;
import com.sikifanso.clusterfile.LockFile;
import com.sikifanso.clusterfile.LockFileParser;
import com.sikifanso.core.K3dNames;
import com.sikifanso.core.Mappers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private CliHome home;

    @BeforeEach
    void home() {
        RealDocker.require();
        home = CliHome.at(tmp, "lck");
    }

    @AfterEach
    void removeTheCluster() {
        home.removeTheCluster();
    }

    @Test
    void theNodesRunTheLockedImageAndTheRepoHasTheLockedApps() throws Exception {
        assertThat(cli("cluster", "create", "locked", "--gitops-only", "--profile", "rag").code()).isZero();
        Path lockFile = tmp.resolve("locked.lock");
        assertThat(cli("cluster", "lock", "-c", "locked", "--file", lockFile.toString()).code()).isZero();
        String lock = Files.readString(lockFile);
        Files.writeString(lockFile, lock.replace("k3sImage: rancher/k3s:v1.36.3-k3s1",
                "k3sImage: " + RealDocker.STAND_IN_IMAGE));

        Run created = cli("-o", "json", "cluster", "create", home.name(), "--from-lock", lockFile.toString(),
                "--no-switch-context", "--skip-bootstrap");

        assertThat(created.code()).as(created.err()).isZero();
        JsonNode session = Mappers.JSON.readTree(created.out()).get("session");
        assertThat(session.at("/k3dConfig/image").asText()).isEqualTo(RealDocker.STAND_IN_IMAGE);
        String server = new K3dNames(home.name()).server(0);
        assertThat(home.services().clusters().backends().nodes().inspect(server)
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
        int code = CommandLines.run(args, home.env(), new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Run(code, out.toString(), err.toString());
    }
}
