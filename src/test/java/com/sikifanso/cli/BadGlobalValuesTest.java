package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.TestHome;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Out-of-range and unknown option values are usage errors (exit 2, one Error line), never "unexpected failure". */
class BadGlobalValuesTest {
    @TempDir
    Path tmp;

    private Path home;

    @BeforeEach
    void prepare() {
        home = TestHome.withCluster(tmp.resolve("home")).root();
    }

    private SikifansoProcess.Result refused(String... args) {
        SikifansoProcess.Result r = InProcess.run(home, args);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr().lines().filter(l -> l.startsWith("Error: ")).count()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).doesNotContain("unexpected failure");
        return r;
    }

    @Test
    void aLockTimeoutThatWouldOverflowIsAUsageError() {
        SikifansoProcess.Result r = refused("--lock-timeout=99999999999999h", "-c", "lab", "app", "enable", "qdrant");
        assertThat(r.stderr()).startsWith("Error: Invalid value for option '--lock-timeout': '99999999999999h' is "
                + "longer than a year (8784h)");
    }

    @Test
    void aWaitTimeoutThatWouldOverflowIsAUsageError() {
        refused("-c", "lab", "app", "enable", "qdrant", "--timeout", "9223372036854775807s");
    }

    @Test
    void anMcpPortOutOfRangeIsAUsageError() {
        SikifansoProcess.Result r = refused("mcp", "serve", "--http", "127.0.0.1:99999");
        assertThat(r.stderr()).startsWith("Error: --http 127.0.0.1:99999: port 99999 is not between 0 and 65535\n");
    }

    @Test
    void anUnknownLogLevelIsRefusedLikeAnyBadValue() {
        SikifansoProcess.Result r = refused("--log-level=verbose", "-c", "lab", "app", "list");
        assertThat(r.stderr()).startsWith("Error: Invalid value for option '--log-level': expected one of "
                + "[ERROR, WARN, INFO, DEBUG, TRACE] (case-insensitive) but was 'verbose'");
    }

    @Test
    void theKnownLogLevelsStillWork() {
        assertThat(InProcess.run(home, "--log-level", "debug", "-c", "lab", "app", "list").exitCode()).isZero();
        assertThat(InProcess.run(home, "--log-level=INFO", "-c", "lab", "app", "list").exitCode()).isZero();
    }
}
