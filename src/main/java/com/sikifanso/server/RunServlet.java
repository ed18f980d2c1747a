package com.sikifanso.server;

import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.http.PlainResponses;
import com.sikifanso.ops.ArgumentBinder;
import com.sikifanso.ops.ConsentRefusal;
import com.sikifanso.ops.InvalidArguments;
import com.sikifanso.ops.InvocationJournal;
import com.sikifanso.ops.Invocations;
import com.sikifanso.ops.Operation;
import com.sikifanso.ops.OperationRegistry;
import com.sikifanso.ops.Surface;
import com.sikifanso.ops.WaitPolicy;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/agui/run}: runs one operation given as a tool call ({@link OperationCall}) through
 * {@link Invocations}, as every surface does, and streams its run back as SSE. The events are read from the
 * cluster's activity journal, filtered by the run id: what the client receives is exactly what the journal
 * recorded, redacted the same way, and nothing else. Refusals (bad input, unknown operation or cluster, missing
 * consent) are answered before anything runs.
 */
final class RunServlet extends HttpServlet {
    static final String PATH = "/api/agui/run";
    private static final Logger LOG = LoggerFactory.getLogger(RunServlet.class);
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final Invocations invocations;
    private final OperationRegistry registry;
    private final ClusterJournals journals;
    private final JournalPump pump;
    private final OperatorSessions operators;

    RunServlet(Invocations invocations, OperationRegistry registry, ClusterJournals journals, JournalPump pump,
               OperatorSessions operators) {
        this.invocations = invocations;
        this.registry = registry;
        this.journals = journals;
        this.pump = pump;
        this.operators = operators;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            PlainResponses.send(response, 405, "POST an AG-UI RunAgentInput to " + PATH);
            return;
        }
        doPost(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            byte[] body = body(request);
            if (OperatorConversation.isConversation(body)) {
                runOperator(OperatorConversation.parse(body), request.getParameter("cluster"), response);
                return;
            }
            OperationCall call = OperationCall.parse(body);
            Operation<?, ?> operation = operation(call.operation());
            Record input = bind(operation, call.arguments(), request.getParameter("cluster"));
            if (!(input instanceof com.sikifanso.ops.ClusterScoped scoped)) {
                throw Refusal.badRequest(operation.name() + " does not act on one cluster, so no cluster's journal "
                        + "records its run; this endpoint runs operations on a cluster");
            }
            String cluster = journals.name(scoped.cluster());
            ActivityJournal journal = journals.of(cluster);
            java.util.Optional<String> question = operation.confirmationFor(input);
            if (question.isPresent() && !call.confirmed()) {
                // The registry's question, so a client (the dashboard) asks exactly what the CLI asks.
                throw new Refusal(403, ConsentRefusal.of(operation, "the request did not confirm it",
                        "Ask the user: " + question.get() + " Then send the run again with forwardedProps "
                                + "{\"confirm\": true}."));
            }
            run(operation, input, call.runId(), journal, surface(request), response);
        } catch (Refusal r) {
            r.send(response);
        }
    }

    private Operation<?, ?> operation(String name) {
        Operation<?, ?> operation = registry.find(name).orElseThrow(() -> Refusal.badRequest("unknown operation "
                + PlainResponses.printable(name) + "; operations: "
                + String.join(", ", registry.all().stream().filter(o -> !o.revealsSecrets()).map(Operation::name)
                        .toList())));
        if (operation.revealsSecrets()) {
            // As the MCP server, which never offers it: its result is secret values, shown only to a user in person.
            throw new Refusal(403, name + " returns secret values, which are never sent over HTTP; run it from "
                    + "the sikifanso CLI");
        }
        return operation;
    }

    /** The arguments bound as MCP binds them, the request's cluster filled in when the call leaves it out. */
    private Record bind(Operation<?, ?> operation, Map<String, Object> arguments, String requestedCluster) {
        Map<String, Object> args = new LinkedHashMap<>(arguments);
        boolean takesCluster = java.util.Arrays.stream(operation.input().getRecordComponents())
                .anyMatch(c -> c.getName().equals("cluster"));
        if (takesCluster && args.get("cluster") == null) {
            args.put("cluster", journals.name(requestedCluster));
        } else if (takesCluster && requestedCluster != null && !requestedCluster.equals(args.get("cluster"))) {
            throw Refusal.badRequest(operation.name() + ": the cluster argument "
                    + PlainResponses.printable(String.valueOf(args.get("cluster"))) + " is not ?cluster="
                    + PlainResponses.printable(requestedCluster) + "; name one cluster");
        }
        try {
            return ArgumentBinder.bind(operation.input(), args);
        } catch (InvalidArguments e) {
            throw Refusal.badRequest(operation.name() + ": " + e.getMessage());
        }
    }

    /** The dashboard's pages (signed in by cookie) are journalled as the dashboard; any other client as agui. */
    private static Surface surface(HttpServletRequest request) {
        return request.getAttribute(Surface.class.getName()) instanceof Surface s ? s : Surface.agui;
    }

    private void run(Operation<?, ?> operation, Record input, String runId, ActivityJournal journal, Surface surface,
                     HttpServletResponse response) throws IOException {
        long before = journal.lastSequence();
        CompletableFuture<Object> done = new CompletableFuture<>();
        // Its own thread: a client that leaves mid-run does not cut a change short.
        Thread.ofVirtual().name("agui-run-" + runId).start(() -> {
            try {
                done.complete(invocations.invokeUntyped(operation, input, new Invocations.Caller(surface,
                        msg -> LOG.info("{} {}: {}", operation.name(), runId, msg.strip()), WaitPolicy.PROGRAM,
                        out -> { }).underRun(runId)));
            } catch (RuntimeException e) {
                LOG.info("{} {} failed: {}", operation.name(), runId, e.getMessage(), e);
                done.completeExceptionally(e);
            }
        });
        JournalPump.End end = pump.stream(response, journal.follow(before), e -> e.runId().equals(runId),
                RunServlet::endsTheRun, done::isDone);
        if (end == JournalPump.End.NOTHING_MORE) {
            // A deleted cluster's directory, or a journal that could not be written (logged by InvocationJournal).
            LOG.warn("{} {} ended without its run in the journal in {}", operation.name(), runId, journal.directory());
        }
    }

    /**
     * A conversation for the AI operator: it runs in its own thread (a client that leaves does not cut a change
     * short) and the client gets its run as the journal records it, like an operation's.
     */
    private void runOperator(com.sikifanso.agui.RunAgentInput input, String requestedCluster,
                             HttpServletResponse response) throws IOException {
        String cluster = journals.name(requestedCluster);
        ActivityJournal journal = journals.of(cluster);
        com.sikifanso.ai.OperatorSession session;
        try {
            session = operators.open(cluster);
        } catch (com.sikifanso.core.SikifansoException e) {
            throw new Refusal(503, "the AI operator is not available: " + e.getMessage() + "; set it in the "
                    + "environment of sikifanso serve");
        }
        long before = journal.lastSequence();
        CompletableFuture<Object> done = new CompletableFuture<>();
        Thread.ofVirtual().name("agui-operator-" + input.runId()).start(() -> {
            try {
                done.complete(session.run(input, event -> { }));
            } catch (RuntimeException e) {
                LOG.info("operator run {} failed: {}", input.runId(), e.getMessage(), e);
                done.completeExceptionally(e);
            }
        });
        pump.stream(response, journal.follow(before), e -> e.runId().equals(input.runId()), RunServlet::endsTheRun,
                done::isDone);
    }

    private static boolean endsTheRun(JournalEntry entry) {
        return entry.event() instanceof AguiEvent.RunFinished || entry.event() instanceof AguiEvent.RunError;
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new Refusal(413, "the run input is larger than " + (MAX_BODY_BYTES >> 10) + " KiB");
        }
        return body;
    }
}
