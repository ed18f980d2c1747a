package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GitOps repo the user cannot write, and a HOME without a writable ~/.config/jgit: one line that
 * names the directory to fix, no JGit ERROR lines or stack traces. Real file permissions on a real
 * repo, in a child process (as root, without the capabilities that override them).
 */
class PermissionDeniedTest {
    @TempDir
    Path home;

    private Path gitops;

    @Test
    void aReadOnlyRepoIsOneLineNamingTheDirectory() throws IOException {
        SikifansoProcess.Result r = enableWithReadOnly("catalog");

        assertThat(r.stderr()).startsWith("Error: permission denied on " + gitops.resolve("catalog") + "\n")
                .doesNotContain(".tmp", "ERROR", "\tat ", "Exception");
        assertThat(r.stderr().lines()).hasSize(2);
    }

    @Test
    void aReadOnlyGitDirectoryIsNamedInsteadOfItsLockFile() throws IOException {
        SikifansoProcess.Result r = enableWithReadOnly(".git");

        assertThat(r.stderr()).startsWith("Error: permission denied on " + gitops.resolve(".git") + "\n")
                .doesNotContain("index.lock", "ERROR", "\tat ");
    }

    /** app enable on a fresh --gitops-only cluster whose repo directory {@code dir} is read-only. */
    private SikifansoProcess.Result enableWithReadOnly(String dir) throws IOException {
        assertThat(InProcess.run(home, "cluster", "create", "lab", "--gitops-only").exitCode()).isZero();
        gitops = home.resolve("clusters/lab/gitops");
        setWritable(gitops.resolve(dir), false);

        SikifansoProcess.Result r = new SikifansoProcess(home).boundByFilePermissions()
                .run(SikifansoProcess.env("HOME", "/nonexistent"), "-c", "lab", "app", "enable", "qdrant", "--no-wait");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        return r;
    }

    @AfterEach
    void writableAgain() throws IOException {
        if (gitops != null) {
            try (Stream<Path> all = Files.walk(gitops)) {
                for (Path p : all.filter(Files::isDirectory).toList()) {
                    setWritable(p, true);
                }
            }
        }
    }

    private static void setWritable(Path dir, boolean writable) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(writable ? "rwxr-xr-x" : "r-xr-xr-x"));
    }
}
