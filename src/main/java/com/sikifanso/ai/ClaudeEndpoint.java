package com.sikifanso.ai;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.sikifanso.core.SikifansoException;
import java.time.Duration;
import java.util.Map;

/**
 * Where the operator's Messages API requests go and how they authenticate: the API itself (or any Anthropic-compatible
 * endpoint {@code ANTHROPIC_BASE_URL} names) with {@code ANTHROPIC_API_KEY}, or a bearer token (a LiteLLM key, or
 * {@code ANTHROPIC_AUTH_TOKEN}).
 *
 * @param baseUrl null for the SDK's default, the public API
 */
public record ClaudeEndpoint(String baseUrl, String apiKey, String authToken) {
    static final String NO_KEY = "no Anthropic API key: set ANTHROPIC_API_KEY (export ANTHROPIC_API_KEY=sk-ant-...), "
            + "or use the cluster's LiteLLM gateway with --via litellm";

    /** From the environment; a usage error naming the fix when no key is set. */
    public static ClaudeEndpoint fromEnvironment(Map<String, String> env) {
        String key = blankToNull(env.get("ANTHROPIC_API_KEY"));
        String token = blankToNull(env.get("ANTHROPIC_AUTH_TOKEN"));
        if (key == null && token == null) {
            throw SikifansoException.usage(NO_KEY, "get a key at https://console.anthropic.com/settings/keys");
        }
        return new ClaudeEndpoint(blankToNull(env.get("ANTHROPIC_BASE_URL")), key, token);
    }

    /**
     * The official SDK's client: its retries (429, 529 and 5xx, honouring {@code retry-after}, else exponential
     * backoff with jitter) up to {@code maxRetries}, and a {@code timeout} per request.
     */
    public AnthropicClient client(int maxRetries, Duration timeout) {
        AnthropicOkHttpClient.Builder builder = AnthropicOkHttpClient.builder().maxRetries(maxRetries).timeout(timeout);
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        if (apiKey != null) {
            builder.apiKey(apiKey);
        }
        if (authToken != null) {
            builder.authToken(authToken);
        }
        return builder.build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
