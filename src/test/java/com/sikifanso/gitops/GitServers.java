package com.sikifanso.gitops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real git servers on this machine, never the network: bare repositories, {@code git daemon} and git's own smart HTTP
 * server ({@code git http-backend}, the CGI program git's documentation puts behind Apache or nginx) behind a small
 * HTTP server that asks for Basic credentials as a git host does.
 */
public final class GitServers {
    private GitServers() {
    }

    /** An empty bare repository at {@code dir}. */
    public static Path bare(Path dir) throws Exception {
        run(List.of("git", "init", "--quiet", "--bare", "--initial-branch=main", dir.toString()), null);
        return dir;
    }

    public static String run(List<String> command, Path in) throws Exception {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        if (in != null) {
            b.directory(in.toFile());
        }
        b.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        b.environment().put("GIT_COMMITTER_NAME", "someone else");
        b.environment().put("GIT_COMMITTER_EMAIL", "else@example.org");
        b.environment().put("GIT_AUTHOR_NAME", "someone else");
        b.environment().put("GIT_AUTHOR_EMAIL", "else@example.org");
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(command + " failed: " + out);
        }
        return out;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** {@code git daemon} serving every repository under {@code base}, pushes allowed, on 127.0.0.1. */
    public static final class Daemon implements AutoCloseable {
        final int port;
        private final Process process;

        public Daemon(Path base) throws Exception {
            port = freePort();
            process = new ProcessBuilder("git", "daemon", "--reuseaddr", "--export-all", "--enable=receive-pack",
                    "--listen=127.0.0.1", "--port=" + port, "--base-path=" + base, base.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            throw new AssertionError("git daemon did not listen on " + port);
        }

        public String url(String repo) {
            return "git://127.0.0.1:" + port + "/" + repo;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Smart HTTP through {@code git http-backend}, for one user and password. */
    public static final class Http implements AutoCloseable {
        private final HttpServer server;
        private final Path base;
        private final String credentials;

        public Http(Path base, String user, String password) throws IOException {
            this.base = base;
            this.credentials = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        public String url(String repo) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + repo;
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                if (!credentials.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                cgi(exchange);
            }
        }

        /** RFC 3875, as much as http-backend reads: the request in variables and on stdin, headers then body out. */
        private void cgi(HttpExchange exchange) throws IOException {
            ProcessBuilder b = new ProcessBuilder("git", "http-backend");
            Map<String, String> env = b.environment();
            env.put("GIT_PROJECT_ROOT", base.toString());
            env.put("GIT_HTTP_EXPORT_ALL", "1");
            env.put("REMOTE_USER", "tester");
            env.put("REQUEST_METHOD", exchange.getRequestMethod());
            env.put("PATH_INFO", exchange.getRequestURI().getPath());
            env.put("QUERY_STRING", exchange.getRequestURI().getRawQuery() == null ? ""
                    : exchange.getRequestURI().getRawQuery());
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            env.put("CONTENT_TYPE", type == null ? "" : type);
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            if (encoding != null) {
                env.put("HTTP_CONTENT_ENCODING", encoding);
            }
            String protocol = exchange.getRequestHeaders().getFirst("Git-Protocol");
            if (protocol != null) {
                env.put("GIT_PROTOCOL", protocol);
            }
            Process p = b.start();
            try (InputStream body = exchange.getRequestBody(); OutputStream stdin = p.getOutputStream()) {
                body.transferTo(stdin);
            }
            byte[] output = p.getInputStream().readAllBytes();
            int split = indexOf(output, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            int skip = 4;
            if (split < 0) {
                split = indexOf(output, "\n\n".getBytes(StandardCharsets.US_ASCII));
                skip = 2;
            }
            int status = 200;
            for (String line : new String(output, 0, Math.max(split, 0), StandardCharsets.ISO_8859_1).split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                if (name.equalsIgnoreCase("Status")) {
                    status = Integer.parseInt(value.substring(0, 3));
                } else {
                    exchange.getResponseHeaders().add(name, value);
                }
            }
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            rest.write(output, split + skip, output.length - split - skip);
            exchange.sendResponseHeaders(status, rest.size() == 0 ? -1 : rest.size());
            if (rest.size() > 0) {
                exchange.getResponseBody().write(rest.toByteArray());
            }
        }

        private static int indexOf(byte[] data, byte[] pattern) {
            outer:
            for (int i = 0; i <= data.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
