package com.sikifanso.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** Libraries stay at info when sikifanso's own logging is at debug: their debug lines carry headers. */
class LogPolicyTest {
    private static final String JETTY = "org.eclipse.jetty.http.HttpParser";
    private static final String OWN = "com.sikifanso.mcp.StdioTransport";

    @Test
    void debugIsForSikifansoOnly() {
        LogPolicy debug = LogPolicy.of("debug", Map.of());

        assertThat(debug.enabled(OWN, Level.DEBUG)).isTrue();
        for (String library : new String[] {JETTY, "org.eclipse.jgit.util.FS", "com.github.dockerjava.core",
            "io.fabric8.kubernetes.client", "org.apache.hc.client5.http", "io.modelcontextprotocol.server"}) {
            assertThat(debug.enabled(library, Level.DEBUG)).as(library).isFalse();
            assertThat(debug.enabled(library, Level.INFO)).as(library).isTrue();
        }
    }

    @Test
    void librariesFollowOnlyWhenAskedFor() {
        assertThat(LogPolicy.of("trace", Map.of()).enabled(JETTY, Level.TRACE)).isTrue();
        assertThat(LogPolicy.of("debug", Map.of("SIKIFANSO_LOG_LIBS", "debug")).enabled(JETTY, Level.DEBUG)).isTrue();
        assertThat(LogPolicy.of("info", Map.of()).enabled(JETTY, Level.INFO)).isTrue();
    }

    /** A library's ERROR with its stack trace (JGit's on a read-only repo) is not shown at the default level. */
    @Test
    void atTheDefaultLevelLibrariesSayNothingOnStderr() {
        LogPolicy warn = LogPolicy.of("warn", Map.of());

        assertThat(warn.enabled("org.eclipse.jgit.internal.storage.file.LockFile", Level.ERROR)).isFalse();
        assertThat(warn.enabled(OWN, Level.WARN)).isTrue();
    }

    @Test
    void aFileKeepsInfoWhateverStderrShows() {
        LogPolicy file = LogPolicy.of("warn", Map.of()).atLeast(Level.INFO);

        assertThat(file.enabled(OWN, Level.INFO)).isTrue();
        assertThat(file.enabled(JETTY, Level.INFO)).isTrue();
        assertThat(file.enabled(JETTY, Level.DEBUG)).isFalse();
    }
}
