package com.sikifanso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The one Node/npm detector: skips without its programs, installs once when packages are missing, fails a bad install. */
class NodePackagesTest {
    @TempDir
    Path dir;

    private NodePackages packages(List<String> programs, List<String> install) {
        return new NodePackages("the sample tests", dir, programs, List.of("node_modules/sample"), install,
                "Install sample");
    }

    @Test
    void aMissingProgramSkipsTheTestsSayingWhich() {
        assertThatThrownBy(() -> packages(List.of("no-such-program-here"), List.of("true")).assumeAvailable())
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("the sample tests SKIPPED: no-such-program-here is not on PATH");
    }

    @Test
    void missingPackagesAreInstalledOnceThenFound() throws Exception {
        NodePackages packages = packages(List.of(), List.of("sh", "-c", "mkdir -p node_modules/sample && echo x >> runs"));
        packages.assumeAvailable();
        packages.assumeAvailable();
        assertThat(dir.resolve("node_modules/sample")).isDirectory();
        assertThat(Files.readAllLines(dir.resolve("runs"))).hasSize(1);
    }

    @Test
    void installedPackagesAreNotInstalledAgain() throws Exception {
        Files.createDirectories(dir.resolve("node_modules/sample"));
        packages(List.of(), List.of("sh", "-c", "exit 9")).assumeAvailable();
    }

    @Test
    void aFailedInstallFailsTheTestsWithItsOutput() {
        assertThatThrownBy(() -> packages(List.of(), List.of("sh", "-c", "echo no registry; exit 3")).assumeAvailable())
                .isInstanceOf(AssertionError.class).hasMessageContaining("failed (exit 3)")
                .hasMessageContaining("no registry");
    }
}
