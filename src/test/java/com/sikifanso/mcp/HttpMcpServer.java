package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code sikifanso mcp serve --http 127.0.0.1:0} child process, its port and its bearer token. */
final class HttpMcpServer implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://\\S+?:(\\d+)/mcp");

    final int port;
    final String token;
    final Path stderr;
    private final Process server;

    private HttpMcpServer(Process server, int port, String token, Path stderr) {
        this.server = server;
        this.port = port;
        this.token = token;
        this.stderr = stderr;
    }

    static HttpMcpServer start(Path home, String... flags) throws IOException, InterruptedException {
        String token = sikifanso(home, "mcp", "token").strip();
        Path stderr = home.resolve("http-stderr.txt");
        List<String> command = new ArrayList<>(List.of("--http", "127.0.0.1:0"));
        command.addAll(List.of(flags));
        ProcessBuilder pb = new ProcessBuilder(ServerCommand.mcpServe(command.toArray(String[]::new)))
                .redirectOutput(home.resolve("http-stdout.txt").toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        ServerCommand.environment(pb.environment(), home);
        Process server = pb.start();
        return new HttpMcpServer(server, awaitPort(server, stderr), token, stderr);
    }

    String url() {
        return "http://127.0.0.1:" + port + "/mcp";
    }

    static int awaitPort(Process server, Path stderr) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String err = Files.readString(stderr);
            Matcher m = LISTENING.matcher(err);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!server.isAlive()) {
                throw new AssertionError("mcp serve --http exited (" + server.exitValue() + "): " + err);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("mcp serve --http did not say where it listens within 30 s: "
                + Files.readString(stderr));
    }

    /** Runs {@code sikifanso ARGS} serving {@code home} and returns what it printed; it must succeed. */
    static String sikifanso(Path home, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(ServerCommand.sikifanso(args))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        ServerCommand.environment(pb.environment(), home);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("sikifanso " + String.join(" ", args) + ": " + out).isZero();
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }
}
