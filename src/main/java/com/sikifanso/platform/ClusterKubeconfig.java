package com.sikifanso.platform;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.K3dNames;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cluster's entries cut out of the user's kubeconfig (context {@code k3d-<name>} with its
 * cluster and user) as a kubeconfig of its own, so Helm cannot act on whatever context is current.
 */
public final class ClusterKubeconfig {
    private ClusterKubeconfig() {
    }

    public static String extract(Path kubeconfig, ClusterName cluster) {
        String context = cluster.k3d().context();
        JsonNode config;
        try {
            config = Mappers.YAML.readTree(Files.readString(kubeconfig));
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read the kubeconfig " + kubeconfig + ": " + e.getMessage(),
                    "start the cluster to write its entry again: ", Suggestion.of("cluster", "start")
                            .arg("cluster", cluster), e);
        }
        JsonNode ctx = named(config, "contexts", context);
        if (ctx == null) {
            throw SikifansoException.failure("the kubeconfig " + kubeconfig + " has no context " + context,
                    "it is written by cluster create; recreate the cluster, or merge its kubeconfig back");
        }
        String clusterName = ctx.path("context").path("cluster").asText();
        String userName = ctx.path("context").path("user").asText();
        JsonNode clusterEntry = named(config, "clusters", clusterName);
        JsonNode userEntry = named(config, "users", userName);
        if (clusterEntry == null || userEntry == null) {
            throw SikifansoException.failure("the context " + context + " in " + kubeconfig + " names a cluster or"
                    + " user the file does not have", "recreate the cluster's kubeconfig entries");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("apiVersion", "v1");
        out.put("kind", "Config");
        out.putArray("clusters").add(clusterEntry.deepCopy());
        out.putArray("users").add(userEntry.deepCopy());
        out.putArray("contexts").add(ctx.deepCopy());
        out.put("current-context", context);
        try {
            return Mappers.YAML.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kubeconfig tree always serialises", e);
        }
    }

    private static JsonNode named(JsonNode config, String list, String name) {
        for (JsonNode item : config.path(list)) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        return null;
    }
}
