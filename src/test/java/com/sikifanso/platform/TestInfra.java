package com.sikifanso.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.infra.InfraConfig;
import com.sikifanso.infra.InfraConfigs;
import com.sikifanso.infra.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Small factories for bootstrap tests: infra settings, a scaffolded repo's root ApplicationSets. */
final class TestInfra {
    static final String SERVER_IP = "172.28.0.2";

    private TestInfra() {
    }

    /** The shipped defaults, with NodePorts other than the defaults so a hard-coded one would show. */
    static InfraConfig withNodePorts(int http, int https, int argocdUI, int hubbleUI) {
        InfraConfig d = new InfraConfigs().defaults();
        Platform p = d.platform();
        return new InfraConfig(new Platform(p.k3sImage(), p.servers(), p.agents(),
                new Platform.NodePorts(http, https, argocdUI, hubbleUI), p.k3sArgs()),
                d.cilium(), d.argocd(), d.ciliumValues(), d.argocdValues());
    }

    static InfraConfig withValues(JsonNode cilium, JsonNode argocd) {
        InfraConfig d = new InfraConfigs().defaults();
        return new InfraConfig(d.platform(), d.cilium(), d.argocd(),
                InfraConfigs.deepMerge(d.ciliumValues(), cilium), InfraConfigs.deepMerge(d.argocdValues(), argocd));
    }

    static JsonNode yaml(String text) {
        try {
            return Mappers.YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GitOps repo holding the embedded template's bootstrap/ directory (no git needed for reading it). */
    static Path repoWithRootSets(Path dir) {
        try {
            Path source = Path.of("src/main/resources/bootstrap/bootstrap");
            Files.createDirectories(dir.resolve("bootstrap"));
            for (String name : new String[] {"root-app.yaml", "root-catalog.yaml", "root-agents.yaml"}) {
                Files.copy(source.resolve(name), dir.resolve("bootstrap").resolve(name));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> map(Object... kv) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
