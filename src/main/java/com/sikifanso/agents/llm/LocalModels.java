package com.sikifanso.agents.llm;

import com.sikifanso.core.ClusterName;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agents.AgentSandbox;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.credentials.CredentialStore;
import com.sikifanso.kube.LiveCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local models the gateway serves (entries of {@code model_list} in catalog/values/litellm-proxy.yaml whose
 * LiteLLM model is an Ollama one), each asked a tiny tool-calling request through the API server's service proxy, so
 * the doctor can say which of them an agent can actually use.
 */
public final class LocalModels {
    public static final String VALUES = "catalog/values/" + AgentSandbox.LLM_GATEWAY + ".yaml";

    private final LiveCluster live;
    private final CredentialStore credentials;

    public LocalModels(LiveCluster live, CredentialStore credentials) {
        this.live = live;
        this.credentials = credentials;
    }

    /** A local model by the name clients ask for, and the model LiteLLM sends it to. */
    public record LocalModel(String name, String upstream) {
    }

    /** The Ollama-served models of the gateway in this repo; none when the gateway is not enabled. */
    public static List<LocalModel> in(Path gitOps) {
        Catalog catalog = Catalog.load(gitOps);
        if (catalog.entries().stream().noneMatch(e -> e.name().equals(AgentSandbox.LLM_GATEWAY) && e.enabled())) {
            return List.of();
        }
        JsonNode values;
        try {
            values = Mappers.YAML.readTree(Files.readString(gitOps.resolve(VALUES)));
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read " + VALUES + ": " + e.getMessage(),
                    "restore it: git -C " + gitOps + " checkout -- " + VALUES, e);
        }
        List<LocalModel> models = new ArrayList<>();
        for (JsonNode m : values.path("proxy_config").path("model_list")) {
            String upstream = m.path("litellm_params").path("model").asText("");
            String name = m.path("model_name").asText("");
            if (upstream.matches("ollama(_chat)?/.+") && !name.isEmpty() && !name.contains("*")) {
                models.add(new LocalModel(name, upstream));
            }
        }
        return models;
    }

    /** Each model's answer to the OpenAI-shaped check, asked through the cluster's gateway with its master key. */
    public List<ToolCallCheck.Result> check(ClusterName cluster, List<LocalModel> models) {
        String master = AgentKeys.masterKey(credentials, cluster);
        try (KubernetesClient kube = live.kube(cluster)) {
            LiteLlmAdmin gateway = new LiteLlmAdmin(kube, master, ToolCallCheck.TIMEOUT.toSeconds());
            return models.stream().map(m -> ToolCallCheck.check(gateway::post, ToolCallCheck.Shape.OPENAI,
                    m.name())).toList();
        } catch (KubernetesClientException e) {
            throw live.unreachable(cluster, e);
        }
    }
}
