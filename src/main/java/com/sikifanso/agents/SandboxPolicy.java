package com.sikifanso.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Throwables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The CiliumNetworkPolicy an agent's sandbox gets, rendered from the cluster's GitOps repo exactly as the
 * {@code agents} ApplicationSet renders it (chart {@code charts/agent-sandbox}, release = agent name, its values
 * file), so whatever reads it (the probe) follows the chart rather than a second copy of its rules.
 */
public final class SandboxPolicy {
    static final String CHART = "charts/agent-sandbox";

    private SandboxPolicy() {
    }

    public static JsonNode render(Path repoDir, String agent) {
        String manifests;
        try {
            manifests = new Helm(repoDir.resolve(CHART)).template().withName(agent)
                    .withValuesFile(repoDir.resolve(AgentService.valuesFile(agent))).call();
        } catch (RuntimeException e) {
            throw SikifansoException.failure("cannot render the sandbox chart of agent \"" + agent + "\": "
                    + Throwables.rootMessage(e), "check " + CHART + " and " + AgentService.valuesFile(agent)
                    + " in the GitOps repo, or recreate the agent", e);
        }
        try (var docs = Mappers.YAML.readerFor(JsonNode.class).<JsonNode>readValues(manifests)) {
            for (Iterator<JsonNode> it = docs; it.hasNext(); ) {
                JsonNode doc = it.next();
                if (doc != null && "CiliumNetworkPolicy".equals(doc.path("kind").asText())) {
                    return doc;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("helm template returned YAML that does not parse", e);
        }
        throw SikifansoException.failure("the sandbox chart of agent \"" + agent + "\" renders no "
                + "CiliumNetworkPolicy", "restore " + CHART + " from the embedded template");
    }
}
