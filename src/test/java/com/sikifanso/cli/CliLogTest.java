package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command leaves a trace in {@code logs/cli.log} for bug reports: owner-only, no secrets. */
class CliLogTest {
    @TempDir
    Path home;

    @Test
    void commandsFailuresAndExitCodesAreLogged() throws Exception {
        assertThat(InProcess.run(home, "cluster", "create", "lab", "--gitops-only").exitCode()).isZero();
        SikifansoProcess.Result failed = InProcess.run(home, "-c", "nope", "app", "list");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stderr()).as("stderr stays at warn").doesNotContain("INFO");

        Path log = home.resolve("logs/cli.log");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        String text = Files.readString(log);
        assertThat(text).contains("INFO com.sikifanso.cli.CommandLines - sikifanso cluster create lab --gitops-only",
                "exit 0 after", "sikifanso -c nope app list", "failed: no cluster named \"nope\"", "exit 1 after");
    }

    @Test
    void debugGoesToTheFileAndStderrButCredentialsDoNot() throws Exception {
        String secret = "ghp_" + "0123456789abcdefghijABCDEFGHIJ";
        SikifansoProcess.Result r = InProcess.run(home, "--log-level", "debug", "app", "add", "x",
                "--repo", "https://example.com/charts?token=" + secret, "--chart", "x", "--version", "1.0.0");

        String text = Files.readString(home.resolve("logs/cli.log"));
        assertThat(text + r.stderr()).contains("--log-level debug app add x").doesNotContain(secret);
    }
}
