package com.sikifanso.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A user's kubeconfig narrowed to one context, for Helm, which reads a kubeconfig's current context. */
final class KubeconfigContext {
    private KubeconfigContext() {
    }

    /**
     * The kubeconfig at {@code file} with {@code context} as its current context; a usage error naming the contexts
     * it has when it lacks that one.
     */
    static String require(Path file, String context) {
        JsonNode parsed;
        try {
            parsed = Mappers.YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw SikifansoException.usage("cannot read the kubeconfig " + file + ": " + e.getMessage(),
                    "give the file that holds the context with --kubeconfig FILE");
        }
        List<String> contexts = new ArrayList<>();
        parsed.path("contexts").forEach(c -> contexts.add(c.path("name").asText()));
        if (!(parsed instanceof ObjectNode config) || !contexts.contains(context)) {
            throw SikifansoException.usage("the kubeconfig " + file + " has no context \"" + context + "\"",
                    contexts.isEmpty() ? "give the file that holds it with --kubeconfig FILE"
                            : "its contexts: " + String.join(", ", contexts) + " (or give another --kubeconfig FILE)");
        }
        config.put("current-context", context);
        try {
            return Mappers.YAML.writeValueAsString(config);
        } catch (IOException e) {
            throw new IllegalStateException("a parsed kubeconfig always serialises", e);
        }
    }
}
