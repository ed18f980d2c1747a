package com.sikifanso.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.K3dNames;
import com.sikifanso.core.Mappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's own registry container ({@code cluster create --registry-create [PORT]}), as k3d v5.9.0 makes one
 * ({@code pkg/client/registry.go} RegistryCreate and RegistryGenerateK3sConfig, {@code pkg/config/transform.go}):
 * named {@code k3d-<cluster>-registry}, image {@code registry:2} listening on 5000 inside, published on a host port
 * (the one given, else a free one), and a registries.yaml in every node whose mirrors send both
 * {@code k3d-<cluster>-registry:<host port>} and {@code k3d-<cluster>-registry:5000} to {@code http://<name>:5000}.
 * So an image pushed to {@code localhost:<port>/app} is pulled in the cluster as {@code k3d-<cluster>-registry:<port>/app}.
 * Unlike k3d it is created straight on the cluster network (k3d creates it on bridge and connects it) and
 * published on 127.0.0.1 only, as every port sikifanso publishes.
 */
public final class ClusterRegistry {
    public static final String DEFAULT_IMAGE = "docker.io/library/registry:2";
    public static final int INTERNAL_PORT = 5000;

    private ClusterRegistry() {
    }

    /** The image infra/platform.yaml names ({@code registryImage}), or k3d's. */
    public static String image(com.sikifanso.infra.InfraConfig infra) {
        String image = infra.platform().registryImage();
        return image != null ? image : DEFAULT_IMAGE;
    }

    public static String name(K3dNames names) {
        return "k3d-" + names.cluster() + "-registry";
    }

    /** The name asked for ({@code --registry-create NAME}, used as given, as k3d does), or k3d's default. */
    static String name(K3dNames names, String asked) {
        return asked != null ? asked : name(names);
    }

    /** The registry container, with k3d's labels for it (registries are not nodes: k3d's cluster list skips them). */
    static NodeSpec spec(K3dNames names, String registry, String image, int hostPort, String sikifansoVersion) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", "k3d");
        labels.put("k3d.version", NodeLayout.K3D_VERSION);
        labels.put("k3d.cluster", names.cluster());
        labels.put("k3d.role", NodeSpec.Role.REGISTRY.label());
        labels.put("k3d.registry.host", "");
        labels.put("k3d.registry.hostIP", NodeLayout.HOST_IP);
        // k3d v5.9.0 spells these two with k3s (types.go LabelRegistryPortExternal/Internal).
        labels.put("k3s.registry.port.external", Integer.toString(hostPort));
        labels.put("k3s.registry.port.internal", Integer.toString(INTERNAL_PORT));
        labels.put(NodeRuntime.SIKIFANSO_LABEL, sikifansoVersion);
        return new NodeSpec(registry, NodeSpec.Role.REGISTRY, image, List.of(), List.of(), labels, List.of(),
                Map.of(INTERNAL_PORT, hostPort));
    }

    /** The k3s registries.yaml: the user's ({@code --registry-config}, may be null) with this registry's mirrors added. */
    static String registriesYaml(String registry, int hostPort, String userConfig) {
        try {
            JsonNode parsed = userConfig == null ? null : Mappers.YAML.readTree(userConfig);
            ObjectNode root = parsed instanceof ObjectNode o ? o : Mappers.YAML.createObjectNode();
            ObjectNode mirrors = root.withObject("/mirrors");
            String internal = registry + ":" + INTERNAL_PORT;
            for (String host : List.of(registry + ":" + hostPort, internal)) {
                if (!mirrors.has(host)) {
                    mirrors.putObject(host).putArray("endpoint").add("http://" + internal);
                }
            }
            return Mappers.YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a registries.yaml checked on create always parses", e);
        }
    }

    /** {@code port}, or a free one on the host for 0, as k3d's GetFreePort finds it. */
    static int hostPort(int port) {
        if (port > 0) {
            return port;
        }
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(NodeLayout.HOST_IP))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + NodeLayout.HOST_IP, e);
        }
    }
}
