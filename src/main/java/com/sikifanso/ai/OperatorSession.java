package com.sikifanso.ai;

import com.sikifanso.core.ClusterName;
import com.anthropic.client.AnthropicClient;
import com.sikifanso.Services;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.RunAppender;
import com.sikifanso.ops.Invocations;
import com.sikifanso.ops.OperationRegistry;
import com.sikifanso.ops.Plan;
import com.sikifanso.ops.Surface;
import com.sikifanso.ops.WaitPolicy;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The operator wired for one cluster, shared by {@code sikifanso ai} and {@code POST /api/agui/run}: the tools it
 * offers, how changes are approved, and where each prompt's run goes (the cluster's activity journal, and the
 * surface's own display).
 */
public final class OperatorSession {
    private final Services services;
    private final Operator operator;
    private final OperatorTools tools;
    private final Approver approver;
    private final Options options;
    private final Path clusterDir;
    private final ConversationStore conversations;
    private final Consumer<String> progress;
    private final Consumer<Plan> shown;
    private int approvedChanges;

    /**
     * @param cluster the cluster it acts on (must exist: its directory holds the journal and the conversation)
     * @param waits how long a change's wait for convergence lasts (the CLI's --timeout)
     */
    public record Options(String cluster, Operator.Settings settings, boolean readOnly, WaitPolicy waits) {
    }

    public OperatorSession(Services services, AnthropicClient client, Options options, Approver approver,
                           Consumer<String> progress, Consumer<Plan> shown) {
        this.services = services;
        this.options = options;
        this.tools = new OperatorTools(new OperationRegistry(), options.readOnly());
        this.operator = new Operator(client, options.settings(), tools, options.cluster());
        this.approver = approver;
        this.clusterDir = services.sessions().home().clusterDir(ClusterName.of(options.cluster()));
        this.conversations = new ConversationStore(clusterDir);
        this.progress = progress;
        this.shown = shown;
    }

    /** This session's store: it saves over only the conversation it found or wrote itself. */
    public ConversationStore conversations() {
        return conversations;
    }

    /** Changes approved and run in this session so far. */
    public int approvedChanges() {
        return approvedChanges;
    }

    /**
     * Answers {@code prompt} as run {@code runId} of thread {@code threadId}: its events go to the cluster's journal
     * (live from the first turn on) and to {@code display}; the conversation is saved after it, whatever happened,
     * unless another session on the cluster saved its own meanwhile (then that one is kept, and progress says so).
     */
    public Operator.Answer ask(Conversation conversation, String prompt, String threadId, String runId,
                               Consumer<AguiEvent> display) {
        RunAppender journal = new RunAppender(clusterDir, JournalOptions.DEFAULTS, runId);
        ToolRunner runner = runner(runId, approver);
        try {
            return OperatorRun.run(operator, conversation, prompt, threadId, runId, journal.andThen(display), runner);
        } finally {
            approvedChanges += runner.approvedChanges();
            journal.close();
            if (!conversations.save(threadId, conversation)) {
                progress.accept("This exchange is not kept for --continue: another AI operator session on cluster \""
                        + options.cluster() + "\" saved its conversation meanwhile, and --continue goes on from that one.");
            }
        }
    }

    /**
     * Runs an AG-UI client's conversation ({@code input}'s messages, rebuilt by {@link AguiHistory}): the changes it
     * approved run first, the rest are asked for through the client's approval tool. The client keeps the
     * conversation; nothing is stored here but the run in the journal.
     */
    public Operator.Answer run(com.sikifanso.agui.RunAgentInput input, Consumer<AguiEvent> display) {
        AguiHistory history = AguiHistory.of(input.messages());
        RunAppender journal = new RunAppender(clusterDir, JournalOptions.DEFAULTS, input.runId());
        ToolRunner runner = runner(input.runId(), history.approver());
        try {
            return OperatorRun.run(operator, history.conversation(), input, history.pending(),
                    journal.andThen(display), runner);
        } finally {
            approvedChanges += runner.approvedChanges();
            journal.close();
        }
    }

    private ToolRunner runner(String runId, Approver approves) {
        return new ToolRunner(operatorInvocations(), tools, approves, caller(runId), options.cluster(), shown);
    }

    /**
     * The operator's calls go through the one {@link Invocations} every surface uses, under the operator's run id (so
     * every commit they make names that run, and listeners hear each call), recording their own run: the operator's
     * run already records each call (its arguments and result, redacted) in the journal.
     */
    private Invocations operatorInvocations() {
        return services.invocations();
    }

    private Invocations.Caller caller(String runId) {
        return new Invocations.Caller(Surface.ai, progress, options.waits(), out -> { }).underRun(runId)
                .recordingItsOwnRun();
    }
}
