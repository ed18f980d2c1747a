package com.sikifanso.agents.llm;

import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Throwables;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * LiteLLM's key admin API ({@code /key/generate}, {@code /key/update}, {@code /key/delete}, {@code /key/info}),
 * reached through the Kubernetes API server's service proxy with the cluster's own client, so the gateway is never
 * exposed on the host. The master key goes in LiteLLM's {@code API-Key} header: {@code Authorization} is the API
 * server's to read when a kubeconfig authenticates with a token.
 */
final class LiteLlmAdmin {
    /** LiteLLM's words for a key it does not have (key_management_endpoints.py, info and delete). */
    static final String KEY_NOT_FOUND = "Key not found";
    static final String SERVICE_PATH = "api/v1/namespaces/gateway/services/litellm-proxy:4000/proxy";
    private static final long TIMEOUT_SECONDS = 30;

    private final KubernetesClient kube;
    private final String masterKey;
    private final long timeoutSeconds;

    LiteLlmAdmin(KubernetesClient kube, String masterKey) {
        this(kube, masterKey, TIMEOUT_SECONDS);
    }

    LiteLlmAdmin(KubernetesClient kube, String masterKey, long timeoutSeconds) {
        this.kube = kube;
        this.masterKey = masterKey;
        this.timeoutSeconds = timeoutSeconds;
    }

    JsonNode post(String path, Object body) {
        return send(kube.getHttpClient().newHttpRequestBuilder().uri(uri(path))
                .post("application/json", Mappers.JSON.valueToTree(body).toString()), path);
    }

    JsonNode info(String key) {
        return send(kube.getHttpClient().newHttpRequestBuilder()
                .uri(uri("/key/info?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8))), "/key/info");
    }

    private URI uri(String path) {
        String master = kube.getConfiguration().getMasterUrl();
        return URI.create((master.endsWith("/") ? master : master + "/") + SERVICE_PATH + path);
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        HttpResponse<String> response;
        try {
            response = kube.getHttpClient().sendAsync(request.header("API-Key", masterKey).build(), String.class)
                    .get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SikifansoException.failure("interrupted while calling LiteLLM " + what, null, e);
        } catch (ExecutionException | TimeoutException e) {
            throw SikifansoException.failure("cannot reach LiteLLM's " + what + " through the API server: "
                    + Throwables.rootMessage(e), "is litellm-proxy enabled and healthy? ",
                    Suggestion.of("app", "status").arg("name", "litellm-proxy"), e);
        }
        if (!response.isSuccessful()) {
            throw SikifansoException.failure("LiteLLM refused " + what + ": HTTP " + response.code() + " "
                    + abbreviate(response.body()), hint(response.code(), response.body()));
        }
        try {
            return Mappers.JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw SikifansoException.failure("LiteLLM's " + what + " answered something that is not JSON: "
                    + abbreviate(response.body()), "see ", Suggestion.of("app", "logs").arg("name", "litellm-proxy"), e);
        }
    }

    /** What to do about a refusal; LiteLLM says "Connect Proxy to database", "Not connected to DB!" without one. */
    static Hint hint(int code, String body) {
        if (String.valueOf(body).contains(KEY_NOT_FOUND)) {
            Suggestion update = Suggestion.of("agent", "update").arg("name", "NAME");
            return Hint.of("LiteLLM no longer has the agent's key (was its database reset?): remove the budget and set "
                    + "it again: ", update.flag("no-llm-budget", "llmBudget", "\"" + LlmBudget.NONE + "\""), ", then ",
                    update.option("llmBudget", "AMOUNT[/PERIOD]").mention());
        }
        if (code == 503 || code == 404) {
            return Hint.of("is litellm-proxy enabled and running? ",
                    Suggestion.of("app", "enable").arg("names", "litellm-proxy"));
        }
        if (String.valueOf(body).matches("(?is).*(database|\\bDB\\b).*")) {
            return Hint.of("LiteLLM keeps virtual keys in PostgreSQL: it reads DATABASE_URL from the Secret "
                    + "litellm-proxy-database (database litellm of the postgresql app). Run ",
                    Suggestion.of("app", "rotate-credentials").arg("name", "litellm-proxy"), ", check ",
                    Suggestion.of("app", "status").arg("name", "postgresql"), ", then retry");
        }
        return Hint.of("see ", Suggestion.of("app", "logs").arg("name", "litellm-proxy"));
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
