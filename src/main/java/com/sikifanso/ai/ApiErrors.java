package com.sikifanso.ai;

import com.sikifanso.core.Suggestion;
import com.anthropic.errors.AnthropicException;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.SseException;
import com.sikifanso.core.SikifansoException;

/** The Messages API's failures (after the SDK's retries) in the tool's words: what happened, and what to do. */
final class ApiErrors {
    private ApiErrors() {
    }

    static SikifansoException explain(AnthropicException e) {
        if (e instanceof SseException sse) {
            return SikifansoException.failure("the model's stream ended with an error: " + message(sse),
                    "ask again (", Suggestion.of("ai").cliFlag("continue"), " goes on from the last whole answer)", e);
        }
        if (e instanceof AnthropicServiceException s) {
            String what = "the Messages API answered " + s.statusCode() + ": " + message(s);
            return switch (s.statusCode()) {
                case 401, 403 -> SikifansoException.failure(what, "check ANTHROPIC_API_KEY (or the gateway's key)", e);
                case 404 -> SikifansoException.failure(what, "check --model (or SIKIFANSO_AI_MODEL) and "
                        + "ANTHROPIC_BASE_URL", e);
                case 429, 529 -> SikifansoException.failure(what + " (still, after retries)",
                        "wait a minute and ask again, or raise --max-retries", e);
                default -> SikifansoException.failure(what, "ask again; --log-level debug shows the requests", e);
            };
        }
        if (e instanceof AnthropicIoException) {
            return SikifansoException.failure("cannot reach the Messages API: " + e.getMessage(),
                    "check the network, or ANTHROPIC_BASE_URL", e);
        }
        return SikifansoException.failure("the Messages API call failed: " + e.getMessage(),
                "--log-level debug shows more", e);
    }

    private static String message(AnthropicServiceException e) {
        return e.apiMessage().orElse(String.valueOf(e.getMessage()));
    }
}
