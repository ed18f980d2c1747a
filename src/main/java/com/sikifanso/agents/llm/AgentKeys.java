package com.sikifanso.agents.llm;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agents.AgentSandbox;
import com.sikifanso.agents.AgentValues;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.credentials.CredentialStore;
import com.sikifanso.kube.LiveCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each agent's own LiteLLM virtual key: limited to its models and budget, named after it in the key's metadata (so
 * LiteLLM's Langfuse callback files its traces under the agent), kept as the Secret {@value #SECRET} in the agent's
 * namespace (never in git, never in a result), updated with the budget and revoked with the agent.
 */
public final class AgentKeys {
    public static final String SECRET = "litellm-key";
    static final String GATEWAY = "http://litellm-proxy.gateway.svc.cluster.local:4000";
    static final String KEY = "LITELLM_API_KEY";

    private final LiveCluster live;
    private final CredentialStore credentials;

    public AgentKeys(LiveCluster live, CredentialStore credentials) {
        this.live = live;
        this.credentials = credentials;
    }

    /** What a result may say about the key: where it is, its budget and what was spent; never the key. */
    public record KeyState(String secret, String budget, List<String> models, Double spend) {
    }

    /**
     * Creates the agent's key, or updates the one its Secret holds, to this budget and these models. The request
     * fields are LiteLLM's GenerateKeyRequest/UpdateKeyRequest (litellm/proxy/_types.py). A reset period cannot be
     * taken off a key: {@code /key/update} drops a null {@code budget_duration} (prepare_key_update_data), so a budget
     * that no longer resets gets a new key in the same Secret.
     */
    public KeyState ensure(ClusterName cluster, String agent, AgentValues.Llm llm) {
        LlmBudget budget = LlmBudget.parse(llm.budget());
        String ns = AgentSandbox.namespace(agent);
        try (KubernetesClient kube = live.kube(cluster)) {
            LiteLlmAdmin admin = new LiteLlmAdmin(kube, masterKey(cluster));
            Map<String, Object> body = keyRequest(agent, llm, budget);
            Optional<String> existing = storedKey(kube, ns);
            if (existing.isPresent() && budget.period() == null
                    && admin.info(existing.get()).path("info").path("budget_duration").isTextual()) {
                admin.post("/key/delete", Map.of("keys", List.of(existing.get())));
                existing = Optional.empty();
            }
            if (existing.isPresent()) {
                body.put("key", existing.get());
                admin.post("/key/update", body);
            } else {
                String key = admin.post("/key/generate", body).path("key").asText("");
                if (key.isEmpty()) {
                    throw SikifansoException.failure("LiteLLM's /key/generate answered without a key",
                            "see ", Suggestion.of("app", "logs").arg("name", "litellm-proxy"));
                }
                store(kube, agent, key);
            }
            return new KeyState(ns + "/" + SECRET, budget.toString(), llm.models(), null);
        } catch (KubernetesClientException e) {
            throw live.unreachable(cluster, e);
        }
    }

    /**
     * The key's limits and how its requests are labelled. LiteLLM copies a key's {@code metadata.tags} into every
     * request's tags and its {@code spend_logs_metadata} into the spend log (add_key_level_controls in
     * litellm_pre_call_utils.py), and logs the key alias with each call, so Langfuse and LiteLLM's spend logs show the
     * agent. The top-level {@code tags} field is not used: LiteLLM accepts it from enterprise users only.
     */
    private static Map<String, Object> keyRequest(String agent, AgentValues.Llm llm, LlmBudget budget) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key_alias", "agent-" + agent);
        body.put("models", llm.models());
        body.put("max_budget", budget.amount());
        body.put("budget_duration", budget.period());
        body.put("metadata", Map.of("agent", agent, "sikifanso", true, "tags", List.of("agent:" + agent),
                "spend_logs_metadata", Map.of("agent", agent)));
        return body;
    }

    /** Revokes the agent's key (if it has one) and removes its Secret. */
    public boolean revoke(ClusterName cluster, String agent) {
        String ns = AgentSandbox.namespace(agent);
        try (KubernetesClient kube = live.kube(cluster)) {
            Optional<String> key = storedKey(kube, ns);
            if (key.isEmpty()) {
                return false;
            }
            try {
                new LiteLlmAdmin(kube, masterKey(cluster)).post("/key/delete", Map.of("keys", List.of(key.get())));
            } catch (SikifansoException e) {
                if (!e.getMessage().contains(LiteLlmAdmin.KEY_NOT_FOUND)) {
                    throw e;
                }
                // already gone from LiteLLM (its database was reset): only the Secret is left to remove
            }
            kube.secrets().inNamespace(ns).withName(SECRET).delete();
            return true;
        } catch (KubernetesClientException e) {
            throw live.unreachable(cluster, e);
        }
    }

    /** The key's budget and spend as LiteLLM counts them; empty when the agent has no key. */
    public Optional<KeyState> state(ClusterName cluster, String agent) {
        String ns = AgentSandbox.namespace(agent);
        try (KubernetesClient kube = live.kube(cluster)) {
            Optional<String> key = storedKey(kube, ns);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            JsonNode info = new LiteLlmAdmin(kube, masterKey(cluster)).info(key.get()).path("info");
            String budget = info.path("max_budget").isNumber() ? new java.math.BigDecimal(info.path("max_budget")
                    .asText()).stripTrailingZeros().toPlainString() + (info.path("budget_duration").isTextual()
                    ? "/" + info.path("budget_duration").asText() : "") : null;
            List<String> models = new java.util.ArrayList<>();
            info.path("models").forEach(m -> models.add(m.asText()));
            return Optional.of(new KeyState(ns + "/" + SECRET, budget, models, info.path("spend").asDouble(0)));
        } catch (KubernetesClientException e) {
            throw live.unreachable(cluster, e);
        }
    }

    private static Optional<String> storedKey(KubernetesClient kube, String ns) {
        Secret secret = kube.secrets().inNamespace(ns).withName(SECRET).get();
        if (secret == null || secret.getData() == null || secret.getData().get(KEY) == null) {
            return Optional.empty();
        }
        return Optional.of(new String(Base64.getDecoder().decode(secret.getData().get(KEY)), StandardCharsets.UTF_8));
    }

    /** The Secret agents' SDKs read: the key and the gateway's OpenAI- and Anthropic-compatible base URLs. */
    private static void store(KubernetesClient kube, String agent, String key) {
        String ns = AgentSandbox.namespace(agent);
        // Argo CD may not have created the namespace yet; it adopts this one when it applies the sandbox.
        if (kube.namespaces().withName(ns).get() == null) {
            kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
        kube.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName(SECRET)
                .withNamespace(ns).addToLabels("sikifanso.io/agent-name", agent)
                .addToLabels("app.kubernetes.io/managed-by", "sikifanso").endMetadata()
                .addToData(KEY, base64(key))
                .addToData("OPENAI_BASE_URL", base64(GATEWAY + "/v1"))
                .addToData("ANTHROPIC_BASE_URL", base64(GATEWAY)).build())
                .createOr(NonDeletingOperation::update);
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private String masterKey(ClusterName cluster) {
        return masterKey(credentials, cluster);
    }

    static String masterKey(CredentialStore credentials, ClusterName cluster) {
        String key = credentials.load(cluster).getOrDefault(AgentSandbox.LLM_GATEWAY, new java.util.TreeMap<>())
                .getOrDefault("litellm-proxy-credentials", new java.util.TreeMap<>()).get("LITELLM_MASTER_KEY");
        if (key == null) {
            throw SikifansoException.failure("cluster \"" + cluster + "\" has no LiteLLM master key, so no agent key "
                    + "can be made", "enable the gateway first: ", Suggestion.of("app", "enable")
                    .arg("names", "litellm-proxy"));
        }
        return key;
    }
}
