package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mcp config claude-code} prints, run as a user would paste it into a shell, with Claude Code itself
 * ({@code @anthropic-ai/claude-code} from npm, in src/test/node-modern): {@code claude mcp add} takes it, and
 * {@code claude mcp list} and {@code get} connect to the server it names, over stdio and Streamable HTTP; and
 * {@code mcp-remote} (the stdio bridge for clients without HTTP) in front of the HTTP server. All offline, in a
 * HOME of the test's own.
 */
class ClaudeCodeConfigTest {
    @TempDir
    Path root;
    Path claudeHome;

    @BeforeEach
    void cluster() throws IOException {
        ModernNodeClients.assumeAvailable();
        McpHome.withCluster(root);
        claudeHome = Files.createDirectories(root.resolve("claude-home"));
    }

    @Test
    void claudeCodeTakesTheStdioConfigAndConnects() throws Exception {
        String line = config("-c", "lab", "mcp", "config", "claude-code");
        assertThat(line).startsWith("claude mcp add ");
        assertThat(shell(line).exitCode()).isZero();

        NodeMcpClient.Result list = shell("claude mcp list");
        assertThat(list.stdout()).as(list.stderr()).contains("sikifanso").contains("Connected");
        NodeMcpClient.Result get = shell("claude mcp get sikifanso");
        assertThat(get.stdout()).as(get.stderr()).contains("Connected", "SIKIFANSO_HOME=" + root, "-c lab");
    }

    @Test
    void claudeCodeTakesTheHttpConfigAndMcpRemoteBridgesIt() throws Exception {
        try (HttpMcpServer server = HttpMcpServer.start(root)) {
            String line = config("mcp", "config", "claude-code", "--http", "127.0.0.1:" + server.port);
            assertThat(line).startsWith("claude mcp add --transport http sikifanso " + server.url());
            assertThat(shell(line).exitCode()).isZero();
            NodeMcpClient.Result get = shell("claude mcp get sikifanso");
            assertThat(get.stdout()).as(get.stderr()).contains("Connected", server.url());

            assertThat(shell("claude mcp add sikifanso-remote -- mcp-remote " + server.url()
                    + " --header 'Authorization:Bearer " + server.token + "'").exitCode()).isZero();
            NodeMcpClient.Result remote = shell("claude mcp get sikifanso-remote");
            assertThat(remote.stdout()).as(remote.stderr()).contains("Connected");
        }
    }

    /** {@code sikifanso ARGS} as a process whose launcher is {@link #launcher()}; its one line of stdout. */
    private String config(String... args) throws IOException {
        List<String> command = new ArrayList<>(ServerCommand.sikifanso(args));
        command.add(1, "-Dsikifanso.launcher=" + launcher());
        NodeMcpClient.Result r = NodeMcpClient.run(command, root, Map.of("SIKIFANSO_HOME", root.toString(),
                "KUBECONFIG", root.resolve("kube/config").toString()), 60);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().strip();
    }

    /** An executable that starts this build's sikifanso, as the launcher on a user's PATH would. */
    private Path launcher() throws IOException {
        Path script = root.resolve("bin/sikifanso");
        if (!Files.exists(script)) {
            Files.createDirectories(script.getParent());
            String command = ServerCommand.sikifanso().stream().map(ClaudeCodeConfigTest::quoted)
                    .collect(Collectors.joining(" "));
            Files.writeString(script, "#!/bin/sh\nexec " + command + " \"$@\"\n");
            script.toFile().setExecutable(true);
        }
        return script;
    }

    /** Runs a shell line with Claude Code and mcp-remote first on PATH, Node 22, and the test's HOME. */
    private NodeMcpClient.Result shell(String line) {
        String path = ModernNodeClients.DIR.resolve("node_modules/.bin") + ":" + ModernNodeClients.NODE.getParent()
                + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        NodeMcpClient.Result r = NodeMcpClient.run(List.of("bash", "-c", line), root, Map.of("PATH", path,
                "HOME", claudeHome.toString(), "SIKIFANSO_HOME", root.toString(),
                "DISABLE_AUTOUPDATER", "1", "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1"), 120);
        assertThat(r.exitCode()).as(line + "\n" + r.stdout() + r.stderr()).isZero();
        return r;
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
