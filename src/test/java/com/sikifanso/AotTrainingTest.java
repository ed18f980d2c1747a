package com.sikifanso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's AOT training script runs every command in one JVM and fails the build's training when one fails. */
class AotTrainingTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String script) throws Exception {
        Path file = Files.writeString(dir.resolve("training.txt"), script);
        Map<String, String> env = Map.of("SIKIFANSO_HOME", dir.resolve("home").toString());
        return AotTraining.run(file, env, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void runsEveryCommandInOrderSkippingCommentsAndBlankLines() throws Exception {
        int code = run("# a comment\n\nversion\n\n--help\n");

        assertThat(code).isZero();
        assertThat(out.toString()).containsSubsequence("Version:", "Usage: sikifanso");
    }

    @Test
    void aFailingCommandIsNamedAndFailsTheTraining() throws Exception {
        int code = run("version\nno-such-command\nversion\n");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("AOT training: `no-such-command` exited 2");
    }

    @Test
    void theShippedScriptTrainsTheCliAndEndsWithTheMcpSession() throws Exception {
        var lines = Files.readAllLines(Path.of("src/build/aot-training.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();

        assertThat(lines).contains("-c aot app list", "-c aot app enable qdrant");
        assertThat(lines.getLast()).isEqualTo("-c aot mcp serve");
    }

    @Test
    void aMissingScriptSaysWhichFile() {
        assertThatThrownBy(() -> AotTraining.run(dir.resolve("none.txt"), Map.of(), new PrintWriter(out),
                new PrintWriter(err)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("none.txt");
    }
}
