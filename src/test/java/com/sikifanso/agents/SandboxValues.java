package com.sikifanso.agents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data: the agent-sandbox values contract (what {@code agent create} writes), changed one field at a time. */
final class SandboxValues {
    private final Map<String, Object> values = new LinkedHashMap<>();

    private SandboxValues(String agent) {
        values.put("agent", map("name", agent));
        values.put("podSecurity", "restricted");
        values.put("quota", map("cpuRequest", "250m", "cpuLimit", "1000m", "memoryRequest", "256Mi",
                "memoryLimit", "1Gi", "pods", 10));
        values.put("containerDefaults", map("cpuRequest", "100m", "cpuLimit", "500m", "memoryRequest", "128Mi",
                "memoryLimit", "512Mi"));
        values.put("allow", new ArrayList<>(List.of(
                service("litellm-proxy", "gateway", 4000, "app.kubernetes.io/name", "litellm"),
                service("qdrant", "rag", 6333, "app.kubernetes.io/name", "qdrant"),
                service("postgresql", "storage", 5432, "cnpg.io/cluster", "postgresql"),
                service("valkey", "storage", 6379, "app.kubernetes.io/name", "valkey"))));
        values.put("egressFQDNs", new ArrayList<>());
    }

    /** The defaults {@code agent create NAME} writes. */
    static SandboxValues forAgent(String name) {
        return new SandboxValues(name);
    }

    SandboxValues podSecurity(String level) {
        values.put("podSecurity", level);
        return this;
    }

    SandboxValues cni(String cni) {
        values.put("cni", cni);
        return this;
    }

    SandboxValues noAllowList() {
        values.put("allow", new ArrayList<>());
        return this;
    }

    SandboxValues allowOnly(Map<String, Object> service) {
        values.put("allow", new ArrayList<>(List.of(service)));
        return this;
    }

    SandboxValues egressFqdn(String host, int port) {
        list("egressFQDNs").add(map("host", host, "port", port));
        return this;
    }

    SandboxValues quota(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit, Object pods) {
        values.put("quota", map("cpuRequest", cpuRequest, "cpuLimit", cpuLimit, "memoryRequest", memoryRequest,
                "memoryLimit", memoryLimit, "pods", pods));
        return this;
    }

    SandboxValues containerDefaults(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit) {
        values.put("containerDefaults", map("cpuRequest", cpuRequest, "cpuLimit", cpuLimit,
                "memoryRequest", memoryRequest, "memoryLimit", memoryLimit));
        return this;
    }

    /** Sets a top-level key to what the CLI would never write; null is written, and Helm then drops the default. */
    SandboxValues raw(String key, Object value) {
        values.put(key, value);
        return this;
    }

    Map<String, Object> toMap() {
        return values;
    }

    static Map<String, Object> service(String name, String namespace, int port, String labelKey, String labelValue) {
        return map("name", name, "namespace", namespace, "port", port, "podLabels", map(labelKey, labelValue));
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(String key) {
        return (List<Object>) values.get(key);
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
