package com.sikifanso.doctor;

import com.sikifanso.cluster.NodeDns;
import com.sikifanso.core.Mappers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A Docker Engine API on loopback that answers what the doctor asks (ping, version, info, the
 * cluster's containers and server-0's mounts), so the production Docker code runs without an engine.
 */
final class ScriptedDocker implements AutoCloseable {
    /** One node container: its name, cluster, role, state and what it mounts at /local-gitops. */
    record Container(String name, String cluster, String role, String state, String gitOpsSource,
                     List<String> cmd, Map<String, String> files, String address, boolean fixedAddress) {
    }

    static final String SERVER_ADDRESS = "172.19.0.3";

    private final HttpServer server;
    private final List<Container> containers = new CopyOnWriteArrayList<>();
    private volatile long inspectDelayMillis;

    ScriptedDocker() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath().replaceFirst("^/v[0-9.]+", "");
            String query = exchange.getRequestURI().getRawQuery() == null ? ""
                    : URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            Object body;
            int code = 200;
            if (path.equals("/_ping")) {
                body = "OK";
            } else if (path.equals("/version")) {
                body = Map.of("Version", "27.3.1", "ApiVersion", "1.47", "Os", "linux");
            } else if (path.equals("/info")) {
                body = Map.of("MemTotal", 16L << 30, "CgroupVersion", "2", "ServerVersion", "27.3.1");
            } else if (path.equals("/containers/json")) {
                body = containers.stream().filter(c -> query.contains("k3d.cluster=" + c.cluster())
                        || !query.contains("k3d.cluster=")).map(ScriptedDocker::listed).toList();
            } else if (path.startsWith("/containers/") && path.endsWith("/archive")) {
                String id = path.substring("/containers/".length(), path.length() - "/archive".length());
                String file = query.replaceFirst("^path=", "");
                String content = containers.stream().filter(c -> c.name().equals(id)).findFirst()
                        .map(c -> c.files().get(file)).orElse(null);
                if (content == null) {
                    code = 404;
                    body = Map.of("message", "Could not find the file " + file + " in container " + id);
                } else {
                    byte[] tar = tar(file, content);
                    exchange.getResponseHeaders().add("Content-Type", "application/x-tar");
                    exchange.sendResponseHeaders(200, tar.length);
                    exchange.getResponseBody().write(tar);
                    exchange.close();
                    return;
                }
            } else if (path.startsWith("/containers/") && path.endsWith("/json")) {
                sleep(inspectDelayMillis);
                String id = path.substring("/containers/".length(), path.length() - "/json".length());
                body = containers.stream().filter(c -> c.name().equals(id)).findFirst()
                        .<Object>map(ScriptedDocker::inspected).orElse(null);
                if (body == null) {
                    code = 404;
                    body = Map.of("message", "No such container: " + id);
                }
            } else {
                code = 404;
                body = Map.of("message", "page not found");
            }
            byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : Mappers.JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", body instanceof String ? "text/plain"
                    : "application/json");
            exchange.getResponseHeaders().add("Api-Version", "1.47");
            exchange.sendResponseHeaders(code, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    String host() {
        return "tcp://127.0.0.1:" + server.getAddress().getPort();
    }

    ScriptedDocker node(String name, String cluster, String role, String state, String gitOpsSource) {
        containers.add(new Container(name, cluster, role, state, gitOpsSource, List.of(role), Map.of(),
                role.equals("server") ? SERVER_ADDRESS : null, false));
        return this;
    }

    /** server-0 as sikifanso creates it: k3s given the host's resolvers in a resolv.conf. */
    ScriptedDocker withResolvConf(String cluster, String resolvConf) {
        String name = "k3d-" + cluster + "-server-0";
        containers.replaceAll(c -> c.name().equals(name) ? new Container(c.name(), c.cluster(), c.role(), c.state(),
                c.gitOpsSource(), List.of("server", NodeDns.FLAG), Map.of(NodeDns.PATH, resolvConf), c.address(),
                c.fixedAddress()) : c);
        return this;
    }

    /** server-0 at {@code address} on the cluster network, fixed there (as sikifanso creates it) or not. */
    ScriptedDocker withAddress(String cluster, String address, boolean fixed) {
        String name = "k3d-" + cluster + "-server-0";
        containers.replaceAll(c -> c.name().equals(name) ? new Container(c.name(), c.cluster(), c.role(), c.state(),
                c.gitOpsSource(), c.cmd(), c.files(), address, fixed) : c);
        return this;
    }

    /** server-0 of {@code cluster}, running, with {@code gitOps} mounted at /local-gitops. */
    ScriptedDocker runningServer(String cluster, String gitOps) {
        return node("k3d-" + cluster + "-server-0", cluster, "server", "running", gitOps);
    }

    void clear() {
        containers.clear();
    }

    void delayInspect(long millis) {
        inspectDelayMillis = millis;
    }

    private static Map<String, Object> listed(Container c) {
        return Map.of("Id", c.name(), "Names", List.of("/" + c.name()), "State", c.state(),
                "Labels", Map.of("app", "k3d", "k3d.cluster", c.cluster(), "k3d.role", c.role()));
    }

    private static Map<String, Object> inspected(Container c) {
        List<Map<String, Object>> mounts = new ArrayList<>();
        if (c.gitOpsSource() != null) {
            mounts.add(Map.of("Type", "bind", "Source", c.gitOpsSource(), "Destination", "/local-gitops",
                    "Mode", "", "RW", true));
        }
        Map<String, String> labels = c.fixedAddress() ? Map.of("k3d.node.staticIP", c.address()) : Map.of();
        Map<String, Object> networks = c.address() == null ? Map.of() : Map.of("k3d-" + c.cluster(),
                Map.of("IPAddress", c.address()));
        return Map.of("Id", c.name(), "Name", "/" + c.name(), "Mounts", mounts, "Config", Map.of("Cmd", c.cmd(),
                        "Labels", labels), "NetworkSettings", Map.of("Networks", networks),
                "State", Map.of("Status", c.state(), "Running", c.state().equals("running")));
    }

    private static byte[] tar(String path, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry(path.substring(path.lastIndexOf('/') + 1));
            entry.setSize(data.length);
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
