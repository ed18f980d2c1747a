package com.sikifanso.cli;

import com.sikifanso.core.ClusterName;
import com.sikifanso.Services;
import com.sikifanso.cli.render.Output;
import com.sikifanso.cli.render.ProgressLines;
import com.sikifanso.ops.Invocations;
import com.sikifanso.ops.Operation;
import com.sikifanso.ops.Plan;
import com.sikifanso.ops.PlanText;
import com.sikifanso.ops.StructuredResults;
import com.sikifanso.ops.Surface;
import com.sikifanso.ops.WaitPolicy;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every leaf command shares: the global options, the services and the output. */
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private Output output;

    RootCommand root() {
        return (RootCommand) spec.root().userObject();
    }

    Services services() {
        return root().services();
    }

    Output out() {
        if (output == null) {
            output = root().output();
        }
        return output;
    }

    /** The cluster named positionally, else {@code -c/--cluster}, else SIKIFANSO_CLUSTER or "default". */
    String cluster(String positional) {
        return positional != null ? positional : root().cluster();
    }

    String cluster() {
        return root().cluster();
    }

    /** The cluster as services take it; the name is checked here, at the edge. */
    ClusterName clusterName() {
        return ClusterName.of(cluster());
    }

    /** Progress with elapsed time on stderr (a spinner on a terminal), so stdout keeps only the result. */
    ProgressLines progress() {
        return new ProgressLines(root().err(), root().terminal());
    }

    /**
     * Whether the user named a cluster (-c/--cluster anywhere on the line, or SIKIFANSO_CLUSTER) rather than
     * taking the default. The option is inherited, so picocli records it on whichever command it followed:
     * {@code sikifanso -c lab mcp serve} matches it on the root, {@code mcp serve -c lab} on the leaf.
     */
    boolean clusterGiven() {
        for (picocli.CommandLine.ParseResult level = spec.root().commandLine().getParseResult(); level != null;
                level = level.subcommand()) {
            if (level.hasMatchedOption("--cluster")) {
                return true;
            }
        }
        return root().env().containsKey("SIKIFANSO_CLUSTER");
    }

    /**
     * Performs an operation the way every surface does (through {@link Invocations}): progress on stderr, the
     * result printed as soon as the change is made ({@code -o json} is the MCP tool's structured content), then
     * the wait for it to converge within {@code --timeout} when the input asks for one.
     */
    <I extends Record, O extends Record> O perform(Operation<I, O> operation, I input, WaitOptions wait) {
        WaitPolicy policy = wait == null ? WaitPolicy.PROGRAM : new WaitPolicy(wait.timeout, "--timeout");
        return services().invocations().invoke(operation, input, new Invocations.Caller(Surface.cli,
                msg -> out().info(msg), policy, result -> print(operation, result)));
    }

    /**
     * As {@link #perform(Operation, Record, WaitOptions)}, or, with {@code --dry-run}, prints the operation's plan
     * ({@code -o json}: the same {@code Plan} MCP's dryRun returns) and changes nothing.
     */
    <I extends Record, O extends Record> void perform(Operation<I, O> operation, I input, WaitOptions wait,
                                                      DryRunOption dryRun) {
        if (!dryRun.asked()) {
            perform(operation, input, wait);
            return;
        }
        Plan plan = services().invocations().plan(operation, input, new Invocations.Caller(Surface.cli,
                msg -> out().info(msg), WaitPolicy.PROGRAM, result -> { }));
        out().result(StructuredResults.of(plan), () -> PlanText.render(plan, out()));
    }

    <I extends Record, O extends Record> O perform(Operation<I, O> operation, I input) {
        return perform(operation, input, null);
    }

    /**
     * As {@link #perform(Operation, Record)}, running {@code header} just before the result is printed (a
     * screen header that replaces the last result only once the new one is ready).
     */
    <I extends Record, O extends Record> O performWithHeader(Runnable header, Operation<I, O> operation, I input) {
        return services().invocations().invoke(operation, input, new Invocations.Caller(Surface.cli,
                msg -> out().info(msg), WaitPolicy.PROGRAM, result -> {
                    header.run();
                    print(operation, result);
                }));
    }

    /**
     * For the long cluster operations: progress as timed steps ({@link ProgressLines}, a spinner on a terminal)
     * that end before the result is printed; {@code timeout} bounds the operation's own waits (nodes, API server).
     */
    <I extends Record, O extends Record> O performSteps(Operation<I, O> operation, I input, java.time.Duration timeout) {
        WaitPolicy policy = timeout == null ? WaitPolicy.PROGRAM : new WaitPolicy(timeout, "--timeout");
        try (ProgressLines progress = progress()) {
            return services().invocations().invoke(operation, input, new Invocations.Caller(Surface.cli, progress,
                    policy, result -> {
                        progress.close();
                        print(operation, result);
                    }));
        }
    }

    private void print(Operation<?, ?> operation, Object result) {
        out().result(StructuredResults.of(result), () -> {
            String text = operation.render(result, out());
            return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
        });
    }

    @Override
    public final Integer call() {
        return run();
    }

    abstract int run();
}
