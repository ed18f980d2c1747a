package com.sikifanso.ai;

import com.anthropic.models.messages.Model;
import com.sikifanso.ops.WaitPolicy;
import java.time.Duration;
import java.util.Map;

/** What the operator uses unless told otherwise, the same for {@code sikifanso ai} and {@code sikifanso serve}. */
public final class OperatorDefaults {
    /** A current Claude model, as the SDK names it; {@code --model} or {@code SIKIFANSO_AI_MODEL} choose another. */
    public static final String MODEL = Model.CLAUDE_SONNET_5_5.asString();
    public static final int MAX_TURNS = 20;
    public static final long MAX_TOKENS = 8192;
    public static final int MAX_RETRIES = 4;
    /** One request's longest wait, a long streamed answer included. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private OperatorDefaults() {
    }

    /** {@code flag} when given, else {@code SIKIFANSO_AI_MODEL}, else {@link #MODEL}. */
    public static String model(String flag, Map<String, String> env) {
        if (flag != null && !flag.isBlank()) {
            return flag.strip();
        }
        String fromEnv = env.get("SIKIFANSO_AI_MODEL");
        return fromEnv == null || fromEnv.isBlank() ? MODEL : fromEnv.strip();
    }

    /**
     * The operator as {@code sikifanso serve} runs it for AG-UI clients: the environment's endpoint and model, the
     * defaults otherwise, approvals through the client (see {@link AguiHistory}).
     */
    public static OperatorSession forServer(com.sikifanso.Services services, Map<String, String> env, String cluster) {
        ClaudeEndpoint endpoint = ClaudeEndpoint.fromEnvironment(env);
        return new OperatorSession(services, endpoint.client(MAX_RETRIES, REQUEST_TIMEOUT),
                new OperatorSession.Options(cluster, new Operator.Settings(model(null, env), MAX_TOKENS, 0, MAX_TURNS),
                        false, WaitPolicy.PROGRAM),
                (id, plan) -> new Approval.Deferred(), msg -> { }, plan -> { });
    }
}
