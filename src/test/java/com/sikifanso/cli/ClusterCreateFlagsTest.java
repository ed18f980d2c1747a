package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad --pull and --registry-config values are refused before anything is written (no Docker needed). */
class ClusterCreateFlagsTest {
    @TempDir
    Path tmp;

    @Test
    void anUnknownPullWordIsAUsageErrorAndWritesNothing() {
        SikifansoProcess.Result r = InProcess.run(tmp.resolve("home"), "cluster", "create", "lab", "--pull", "often");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).contains("--pull must be missing, always or never, not \"often\"");
        assertThat(r.stdout()).isEmpty();
        assertThat(tmp.resolve("home/clusters")).doesNotExist();
    }

    @Test
    void aRegistryConfigOfTheWrongShapeIsRefusedBeforeTheSessionOrRepoExist() throws Exception {
        Path file = tmp.resolve("registries.yaml");
        Files.writeString(file, "mirrors:\n  docker.io:\n    endpoints: [\"https://m.example.com\"]\n");

        SikifansoProcess.Result r = InProcess.run(tmp.resolve("home"), "cluster", "create", "lab",
                "--registry-config", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).contains(file + ": unknown key mirrors.docker.io.endpoints");
        assertThat(tmp.resolve("home/clusters")).doesNotExist();
    }

    @Test
    void registryConfigWithGitopsOnlyIsRefused() throws Exception {
        Path file = tmp.resolve("registries.yaml");
        Files.writeString(file, "mirrors:\n  docker.io:\n    endpoint: [\"https://m.example.com\"]\n");

        SikifansoProcess.Result r = InProcess.run(tmp.resolve("home"), "cluster", "create", "lab", "--gitops-only",
                "--registry-config", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).contains("--registry-config and --gitops-only exclude each other");
        assertThat(tmp.resolve("home/clusters")).doesNotExist();
    }
}
