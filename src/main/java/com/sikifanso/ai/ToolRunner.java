package com.sikifanso.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.AccessErrors;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.mcp.ToolHints;
import com.sikifanso.ops.ArgumentBinder;
import com.sikifanso.ops.InvalidArguments;
import com.sikifanso.ops.Invocations;
import com.sikifanso.ops.Operation;
import com.sikifanso.ops.Plan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one tool call of the model: binds its arguments as MCP binds them (the operator's cluster filled in when left
 * out), lets reads run, shows every change as its {@link Plan} and runs it only when the {@link Approver} says yes,
 * always through {@link Invocations#invoke} with the operator's caller (surface {@code ai}, the operator's run id).
 */
public final class ToolRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ToolRunner.class);

    private final Invocations invocations;
    private final OperatorTools tools;
    private final Approver approver;
    private final Invocations.Caller caller;
    private final String cluster;
    private final ToolHints hints;
    private final Consumer<Plan> shown;
    private int approved;

    /** {@code shown}: where a change's plan is shown to the user before it is decided (the CLI's stderr). */
    public ToolRunner(Invocations invocations, OperatorTools tools, Approver approver, Invocations.Caller caller,
                      String cluster, Consumer<Plan> shown) {
        this.invocations = invocations;
        this.tools = tools;
        this.approver = approver;
        this.caller = caller;
        this.cluster = cluster;
        this.hints = new ToolHints(tools.offered());
        this.shown = shown;
    }

    /** How many changes were approved and run (each one commit under the operator's run id, when it commits). */
    public int approvedChanges() {
        return approved;
    }

    /**
     * Runs the model's call {@code id} of {@code name} with {@code arguments}; {@code plans} sees the plan of a change
     * before it is decided.
     */
    public ToolOutput run(String id, String name, JsonNode arguments, Consumer<Plan> plans) {
        Operation<?, ?> operation = tools.find(name).orElse(null);
        if (operation == null) {
            return ToolOutput.failed("unknown tool " + name + "; the tools are the ones listed");
        }
        Object input;
        try {
            input = ArgumentBinder.bind(operation.input(), withCluster(operation, arguments));
        } catch (InvalidArguments e) {
            return ToolOutput.failed(name + ": " + e.getMessage());
        }
        if (!operation.safety().readOnly()) {
            Plan plan = invocations.planUntyped(operation, input, caller);
            plans.accept(plan);
            shown.accept(plan);
            Approval approval = approver.decide(id, plan);
            if (approval instanceof Approval.Deferred) {
                return ToolOutput.awaiting(plan);
            }
            if (approval instanceof Approval.Refused refused) {
                return ToolOutput.failed("Not approved: " + refused.reason() + ". Nothing was changed. Tell the user "
                        + "what you would change and why, so they can approve it (the plan: " + plan.summary() + ").");
            }
            approved++;
        }
        return invoke(operation, input);
    }

    private ToolOutput invoke(Operation<?, ?> operation, Object input) {
        try {
            return ToolOutput.ok(operation.render(invocations.invokeUntyped(operation, input, caller),
                    hints.style()));
        } catch (RuntimeException e) {
            SikifansoException s = AccessErrors.explain(e).orElse(e instanceof SikifansoException x ? x : null);
            if (s != null) {
                return ToolOutput.failed(hints.error(s));
            }
            LOG.error("tool {} failed", operation.name(), e);
            return ToolOutput.failed(operation.name() + " failed unexpectedly: " + e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> withCluster(Operation<?, ?> operation, JsonNode arguments) {
        Map<String, Object> args = new LinkedHashMap<>(arguments == null || !arguments.isObject() ? Map.of()
                : Mappers.JSON.convertValue(arguments, Map.class));
        boolean takesCluster = java.util.Arrays.stream(operation.input().getRecordComponents())
                .anyMatch(c -> c.getName().equals("cluster"));
        if (takesCluster && args.get("cluster") == null && cluster != null) {
            args.put("cluster", cluster);
        }
        return args;
    }
}
