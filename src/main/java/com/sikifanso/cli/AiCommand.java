package com.sikifanso.cli;

import com.sikifanso.core.ClusterName;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.journal.ClusterJournals;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.SecretRedactor;
import com.sikifanso.agui.render.EventRenderer;
import com.sikifanso.ai.ApprovalPolicy;
import com.sikifanso.ai.ClaudeEndpoint;
import com.sikifanso.ai.Conversation;
import com.sikifanso.ai.ConversationStore;
import com.sikifanso.ai.LiteLlmGateway;
import com.sikifanso.ai.Operator;
import com.sikifanso.ai.OperatorDefaults;
import com.sikifanso.ai.OperatorSession;
import com.sikifanso.cli.render.OutputFormat;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.ops.Plan;
import com.sikifanso.ops.WaitPolicy;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ai", description = {
    "Ask the AI operator, in words, about the cluster or for a change.",
    "",
    "Claude answers with the same operations the CLI and the MCP server run: it reads freely",
    "(the doctor, app status, events, capped logs, history), and every change it wants is shown",
    "first as a plan that runs only when you approve it (asked here on a terminal; --yes approves",
    "changes, --allow-destructive is needed on top for deleting, restoring or upgrading). Without a",
    "terminal and without --yes, the plan is printed and nothing changes. Each change is a commit",
    "that names the run, so `sikifanso ai undo RUN` reverts all of a run's changes.",
    "",
    "Text, reasoning, tool calls and their results stream as AG-UI events: rendered here, recorded",
    "in the cluster's activity journal (sikifanso events), and printed one per line with -o json.",
    "Tool results are capped and secrets in them masked before the model reads them.",
    "",
    "Without a prompt on a terminal: a conversation, one line per question, until exit or Ctrl-D."},
        subcommands = {AiUndoCommand.class},
        footer = {"", "Examples:",
            "  sikifanso ai \"why is langfuse unhealthy?\"",
            "  sikifanso ai \"set up guardrails and cost tracking\"        asks before each change",
            "  sikifanso ai --yes \"give the researcher agent access to qdrant\"",
            "  sikifanso ai --continue \"and what about qdrant?\"            goes on from the last conversation",
            "  sikifanso ai --read-only -o json \"what runs on the cluster?\" | jq -c .type",
            "  sikifanso ai --via litellm \"...\"                          through the cluster's LiteLLM gateway",
            "  sikifanso ai undo                                        reverts the last ai run's commits",
            "",
            "Environment: ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN), ANTHROPIC_BASE_URL, SIKIFANSO_AI_MODEL."})
final class AiCommand extends BaseCommand {
    @Parameters(paramLabel = "PROMPT", arity = "0..*", description = "What to ask, in words (quote it).")
    List<String> prompt;

    @Option(names = "--model", paramLabel = "MODEL", description = "Claude model (env SIKIFANSO_AI_MODEL; default: "
            + "a current Sonnet).")
    String model;

    @Option(names = "--via", paramLabel = "GATEWAY", description = "litellm: go through the cluster's LiteLLM gateway "
            + "(its Anthropic-compatible endpoint and master key) instead of ANTHROPIC_BASE_URL.")
    String via;

    @Option(names = {"-y", "--yes"}, description = "Approve every change the operator plans (not destructive ones).")
    boolean yes;

    @Option(names = "--allow-destructive", description = "Allow destructive changes too (deleting, restoring, "
            + "upgrading); each still needs --yes or your answer.")
    boolean allowDestructive;

    @Option(names = "--read-only", description = "Offer only operations that read: diagnose and advise, change nothing.")
    boolean readOnly;

    @Option(names = "--continue", description = "Go on from the last conversation on this cluster.")
    boolean resume;

    @Option(names = "--max-turns", paramLabel = "N", defaultValue = "20",
            description = "Model turns per prompt, at most (default: ${DEFAULT-VALUE}).")
    int maxTurns;

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "8192",
            description = "Output tokens per turn, at most (default: ${DEFAULT-VALUE}).")
    long maxTokens;

    @Option(names = "--thinking", paramLabel = "TOKENS", defaultValue = "0",
            description = "Let the model think first, up to TOKENS (1024 or more; shown as reasoning); 0: off.")
    long thinking;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "4",
            description = "Retries of a request the API refused for load (429, 529, 5xx), with backoff "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "5m",
            description = "How long an approved change waits to converge (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    int run() {
        validate();
        String cluster = cluster();
        new ClusterJournals(services().sessions(), JournalOptions.DEFAULTS).of(ClusterName.of(cluster));   // refuses an unknown one
        boolean interactive = prompt == null || prompt.isEmpty();
        if (interactive && (!root().terminal() || System.console() == null)) {
            throw SikifansoException.usage("no prompt: say what to ask", "sikifanso ai \"why is langfuse unhealthy?\"");
        }
        LiteLlmGateway gateway = "litellm".equals(via) ? LiteLlmGateway.open(services(), ClusterName.of(cluster)) : null;
        try {
            if (gateway != null) {
                gateway.requireToolCalling(model(), msg -> out().info(msg));
            }
            ClaudeEndpoint endpoint = gateway != null ? gateway.endpoint()
                    : ClaudeEndpoint.fromEnvironment(root().env());
            OperatorSession session = new OperatorSession(services(),
                    endpoint.client(maxRetries, OperatorDefaults.REQUEST_TIMEOUT),
                    new OperatorSession.Options(cluster, new Operator.Settings(model(), maxTokens, thinking, maxTurns),
                            readOnly, new WaitPolicy(timeout, "--timeout")),
                    new ApprovalPolicy(yes, allowDestructive, ask()), msg -> out().info(msg), this::showPlan);
            Conversation conversation = conversation(session.conversations(), cluster);
            return interactive ? loop(session, conversation, cluster) : ask(session, conversation,
                    String.join(" ", prompt), cluster);
        } finally {
            if (gateway != null) {
                gateway.close();
            }
        }
    }

    private void validate() {
        if (out().format() == OutputFormat.yaml) {
            throw SikifansoException.usage("ai prints a stream of events: -o table (rendered) or -o json (one per line)",
                    "sikifanso ai -o json \"...\"");
        }
        if (via != null && !via.equals("litellm")) {
            throw SikifansoException.usage("--via " + via + " is not a gateway sikifanso knows", "--via litellm");
        }
        if (maxTurns < 1 || maxTurns > 100) {
            throw SikifansoException.usage("--max-turns must be between 1 and 100, not " + maxTurns, "e.g. --max-turns 20");
        }
        if (thinking != 0 && (thinking < 1024 || thinking >= maxTokens)) {
            throw SikifansoException.usage("--thinking must be 0, or at least 1024 and below --max-tokens ("
                    + maxTokens + "), not " + thinking, "e.g. --thinking 2048");
        }
        if (maxTokens < 1) {
            throw SikifansoException.usage("--max-tokens must be positive, not " + maxTokens, "e.g. --max-tokens 8192");
        }
    }

    private String model() {
        return OperatorDefaults.model(model, root().env());
    }

    private Conversation conversation(ConversationStore store, String cluster) {
        if (!resume) {
            return new Conversation();
        }
        return store.load().map(ConversationStore.Stored::conversation).orElseGet(() -> {
            out().info("No earlier conversation on cluster \"" + cluster + "\"; starting a new one.");
            return new Conversation();
        });
    }

    private int ask(OperatorSession session, Conversation conversation, String text, String cluster) {
        String runId = UUID.randomUUID().toString();
        try (Display display = new Display()) {
            this.display = display;
            session.ask(conversation, text, cluster, runId, display);
        }
        if (session.approvedChanges() > 0) {
            out().info("Run " + runId + " made " + session.approvedChanges() + " change(s); undo them with: "
                    + "sikifanso ai undo " + runId);
        }
        return 0;
    }

    private int loop(OperatorSession session, Conversation conversation, String cluster) {
        Console console = System.console();
        out().info("Ask about cluster \"" + cluster + "\"; exit or Ctrl-D ends.");
        for (String line = console.readLine("ai> "); line != null && !line.strip().equals("exit");
                line = console.readLine("ai> ")) {
            if (!line.isBlank()) {
                try {
                    ask(session, conversation, line.strip(), cluster);
                } catch (SikifansoException e) {
                    out().info(e.getMessage() + (e.hint() == null ? "" : "\nTo fix: " + e.hint()));
                }
            }
        }
        return 0;
    }

    /** The question on a terminal, after the plan (shown by {@link #showPlan}); none without a terminal. */
    private Optional<Function<Plan, Boolean>> ask() {
        Console console = System.console();
        if (!root().terminal() || console == null) {
            return Optional.empty();
        }
        return Optional.of(plan -> {
            String answer = console.readLine("Apply this change? [y/N] ");
            return answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y");
        });
    }

    /** The run's display, which stops its spinner while a plan is shown and the user answers. */
    private Display display;

    private void showPlan(Plan plan) {
        if (display != null) {
            display.suspend();
        }
        out().info(com.sikifanso.ops.PlanText.proposal(plan, out()).stripTrailing());
    }

    /** The run's events on stdout: rendered for a terminal, or one JSON object per line with -o json. */
    private final class Display implements Consumer<AguiEvent>, AutoCloseable {
        private final SecretRedactor redactor = new SecretRedactor();
        private final PrintWriter stdout = spec.commandLine().getOut();
        private EventRenderer renderer = out().format() == OutputFormat.json ? null : renderer();

        private EventRenderer renderer() {
            return new EventRenderer(stdout, root().terminal(), out().color());
        }

        /**
         * Ends the line the spinner redraws, so what is printed next (a plan, a question) stays; the run's later
         * events draw on from a fresh renderer.
         */
        void suspend() {
            if (renderer != null) {
                renderer.close();
                renderer = renderer();
            }
        }

        @Override
        public void accept(AguiEvent event) {
            AguiEvent shown = AguiJson.read(redactor.redact((com.fasterxml.jackson.databind.node.ObjectNode)
                    AguiJson.tree(event)));
            if (renderer != null) {
                renderer.render(shown);
            } else {
                stdout.println(AguiJson.write(shown));
            }
        }

        @Override
        public void close() {
            if (renderer != null) {
                renderer.close();
            }
            stdout.flush();
        }
    }
}
