package com.sikifanso.kube;

import com.sikifanso.core.Deadline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.K3dNames;
import com.sikifanso.cluster.NodeLayout;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Throwables;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The user's kubeconfig: the cluster's entries are merged in (cluster and context {@code k3d-<name>},
 * user {@code k3d-<name>}) and removed again, each time with one atomic
 * rename, under the {@code <file>.lock} that kubectl also honours.
 */
public final class Kubeconfigs {
    private static final long LOCK_WAIT_MILLIS = 10_000;

    private final Path file;

    public Kubeconfigs(Map<String, String> env) {
        this.file = location(env);
    }

    /** {@code KUBECONFIG}'s first file, else {@code ~/.kube/config}. */
    static Path location(Map<String, String> env) {
        String configured = env.get("KUBECONFIG");
        if (configured != null && !configured.isBlank()) {
            for (String part : configured.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    return Path.of(part).toAbsolutePath();
                }
            }
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".kube", "config");
    }

    public Path file() {
        return file;
    }

    /** Fails, before any node is made, when the kubeconfig could not be written later. */
    public void checkWritable() {
        Path dir = file.getParent();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw unwritable(existing + " is not a directory", null);
        }
        if (existing != null && !Files.isWritable(existing) && !Files.isWritable(file)) {
            throw unwritable("permission denied", null);
        }
        if (Files.isDirectory(file)) {
            throw unwritable("it is a directory", null);
        }
        if (Files.isRegularFile(file)) {
            read(); // a kubeconfig we could not parse would fail the merge after the nodes exist
        }
    }

    /** k3s's kubeconfig for this cluster as the user will use it: our names, the host port. */
    public static ObjectNode rewrite(byte[] k3sKubeconfig, K3dNames names, int apiPort) {
        JsonNode parsed;
        try {
            parsed = Mappers.YAML.readTree(k3sKubeconfig);
        } catch (IOException e) {
            throw SikifansoException.failure("k3s wrote a kubeconfig that is not YAML: " + e.getMessage(),
                    "look at the server's log: docker logs " + names.server(0), e);
        }
        JsonNode cluster = first(parsed, "clusters", "cluster");
        JsonNode user = first(parsed, "users", "user");
        if (cluster == null || user == null) {
            throw SikifansoException.failure("k3s wrote a kubeconfig without a cluster or user",
                    "look at the server's log: docker logs " + names.server(0));
        }
        ObjectNode clusterBody = ((ObjectNode) cluster.deepCopy());
        clusterBody.put("server", "https://" + NodeLayout.HOST_IP + ":" + apiPort);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("apiVersion", "v1");
        out.put("kind", "Config");
        out.putArray("clusters").addObject().put("name", names.context()).set("cluster", clusterBody);
        out.putArray("users").addObject().put("name", names.user()).set("user", user.deepCopy());
        ObjectNode context = out.putArray("contexts").addObject().put("name", names.context())
                .putObject("context");
        context.put("cluster", names.context());
        context.put("user", names.user());
        out.put("current-context", names.context());
        return out;
    }

    private static JsonNode first(JsonNode config, String list, String field) {
        JsonNode items = config == null ? null : config.get(list);
        return items == null || !items.isArray() || items.isEmpty() ? null : items.get(0).get(field);
    }

    /** Merges the cluster's entries (replacing same-named ones) and optionally makes its context current. */
    public void merge(ObjectNode clusterConfig, K3dNames names, boolean switchContext) {
        update(config -> {
            removeEntries(config, names);
            for (String list : new String[] {"clusters", "users", "contexts"}) {
                ArrayNode target = config.withArray(list);
                clusterConfig.withArray(list).forEach(target::add);
            }
            if (switchContext || !config.hasNonNull("current-context")
                    || config.get("current-context").asText().isEmpty()) {
                config.put("current-context", names.context());
            }
            return true;
        });
    }

    /** Removes exactly this cluster's entries; other clusters' and the user's own stay as they were. */
    public void remove(K3dNames names) {
        if (!Files.exists(file)) {
            return;
        }
        update(config -> removeEntries(config, names));
    }

    /** Whether the kubeconfig holds an entry of this cluster. */
    public boolean contains(K3dNames names) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        ObjectNode config = read();
        return has(config, "clusters", names.context()) || has(config, "contexts", names.context())
                || has(config, "users", names.user());
    }

    private static boolean has(ObjectNode config, String list, String name) {
        JsonNode items = config.get(list);
        if (items == null || !items.isArray()) {
            return false;
        }
        for (JsonNode item : items) {
            if (name.equals(item.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean removeEntries(ObjectNode config, K3dNames names) {
        boolean changed = removeNamed(config, "clusters", names.context()::equals);
        changed |= removeNamed(config, "contexts", names.context()::equals);
        changed |= removeNamed(config, "users", names.user()::equals);
        if (names.context().equals(config.path("current-context").asText())) {
            config.put("current-context", "");
            changed = true;
        }
        return changed;
    }

    private static boolean removeNamed(ObjectNode config, String list, Predicate<String> matches) {
        JsonNode items = config.get(list);
        if (items == null || !items.isArray()) {
            return false;
        }
        boolean changed = false;
        for (Iterator<JsonNode> it = items.iterator(); it.hasNext(); ) {
            if (matches.test(it.next().path("name").asText())) {
                it.remove();
                changed = true;
            }
        }
        return changed;
    }

    private interface Change {
        boolean apply(ObjectNode config);
    }

    private void update(Change change) {
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        try {
            Files.createDirectories(file.getParent());
            acquire(lock);
        } catch (IOException e) {
            throw unwritable(e.getMessage(), e);
        }
        try {
            ObjectNode config = Files.exists(file) ? read() : empty();
            if (change.apply(config)) {
                LocalFiles.writeAtomically(file, Mappers.YAML.writeValueAsBytes(config), true);
            }
        } catch (IOException e) {
            throw unwritable(e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(lock);
            } catch (IOException ignored) {
                // A stale lock file names itself in the next error.
            }
        }
    }

    private void acquire(Path lock) throws IOException {
        Deadline deadline = Deadline.after(java.time.Clock.systemUTC(), java.time.Duration.ofMillis(LOCK_WAIT_MILLIS));
        while (true) {
            try {
                Files.createFile(lock);
                return;
            } catch (FileAlreadyExistsException e) {
                if (deadline.passed()) {
                    throw SikifansoException.failure("kubeconfig " + file + " is locked by " + lock,
                            "if no kubectl or sikifanso is running, remove the stale lock: rm " + lock);
                }
                deadline.pause(java.time.Duration.ofMillis(50), "the kubeconfig lock " + lock);
            }
        }
    }

    private ObjectNode read() {
        try {
            JsonNode node = Mappers.YAML.readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return empty();
            }
            if (!node.isObject()) {
                throw new IOException("not a YAML mapping");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read kubeconfig " + file + ": " + Throwables.firstLine(
                    e.getMessage()), "repair it, or point KUBECONFIG at another file", e);
        }
    }

    private static ObjectNode empty() {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.putArray("clusters");
        config.putArray("contexts");
        config.putArray("users");
        config.put("current-context", "");
        config.putObject("preferences");
        return config;
    }

    private SikifansoException unwritable(String reason, Throwable cause) {
        return SikifansoException.failure("cannot write kubeconfig " + file + ": " + reason,
                "point KUBECONFIG at a file you can write (for example KUBECONFIG=$HOME/.kube/config) and retry",
                cause);
    }
}
