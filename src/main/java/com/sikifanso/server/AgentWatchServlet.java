package com.sikifanso.server;

import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sikifanso.Services;
import com.sikifanso.agents.AgentWatch;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.stream.AguiStreamFollower;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.http.PlainResponses;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /api/agui/agents/watch?cluster=NAME&agent=A[&agent=B…]}: what {@code sikifanso agent watch A} shows (the
 * same {@link AgentWatch}: the journal's runs about the agent, its namespace's Kubernetes events, its own AG-UI
 * stream), for each agent named, in one Server-Sent Events stream, from now on. Each event's {@code metadata} names
 * its {@value #AGENT} and, for a journal run, its {@value SseResponse#RUN_ID}; the watch's notices (connected, cannot
 * reach the agent, reconnecting) are CUSTOM events named {@value #NOTICE}. One stream for all of a page's agents: a
 * browser opens few connections to one host. Ends when the client leaves or the server stops.
 */
final class AgentWatchServlet extends HttpServlet {
    static final String PATH = "/api/agui/agents/watch";
    static final String AGENT = "agent";
    static final String NOTICE = "sikifanso.notice";
    /** More agents than a page would show at once; each is a watch with its own threads. */
    static final int MOST_AGENTS = 50;
    /** Events waiting for a slow client; more are dropped rather than held (a live view, not a record). */
    private static final int BACKLOG = 1000;

    private final Services services;
    private final ClusterJournals journals;
    private final ServeOptions options;
    private final AtomicBoolean stopping;

    AgentWatchServlet(Services services, ClusterJournals journals, ServeOptions options, AtomicBoolean stopping) {
        this.services = services;
        this.journals = journals;
        this.options = options;
        this.stopping = stopping;
    }

    private record Frame(AguiEvent event, Map<String, String> metadata) {
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod())) {
            response.setHeader("Allow", "GET");
            PlainResponses.send(response, 405, "GET " + PATH + "?cluster=NAME&agent=NAME to watch agents");
            return;
        }
        try {
            String cluster = journals.name(request.getParameter("cluster"));
            journals.of(cluster);
            stream(cluster, agents(cluster, request.getParameterValues("agent")), response);
        } catch (Refusal r) {
            r.send(response);
        }
    }

    /** The agents named, each one that exists (else the CLI's message for it), before anything is streamed. */
    private List<String> agents(String cluster, String[] named) {
        Set<String> agents = new LinkedHashSet<>(named == null ? List.of() : List.of(named));
        if (agents.isEmpty() || agents.size() > MOST_AGENTS) {
            throw Refusal.badRequest("name 1 to " + MOST_AGENTS + " agents to watch with &agent=NAME ("
                    + Suggestion.of("agent", "list").cli() + " shows them)");
        }
        for (String agent : agents) {
            try {
                services.agents().get(com.sikifanso.core.ClusterName.of(cluster), agent);
            } catch (SikifansoException e) {
                throw new Refusal(404, e.getMessage() + (e.hint() == null ? "" : "; to fix: " + e.hint()));
            }
        }
        return List.copyOf(agents);
    }

    private void stream(String cluster, List<String> agents, HttpServletResponse response) throws IOException {
        BlockingQueue<Frame> frames = new LinkedBlockingQueue<>(BACKLOG);
        List<Thread> watches = new ArrayList<>();
        try {
            SseResponse out = SseResponse.open(response, options.retry());
            for (String agent : agents) {
                AgentWatch watch = new AgentWatch(services, new AgentWatch.Request(cluster, agent, null, null,
                        AguiStreamFollower.Backoff.DEFAULT), AgentWatch.Sink.of(
                        e -> frames.offer(new Frame(e, Map.of(AGENT, agent))),
                        e -> frames.offer(new Frame(e.event(), metadata(agent, e.runId()))),
                        text -> frames.offer(new Frame(new AguiEvent.Custom(NOTICE, TextNode.valueOf(text), null),
                                Map.of(AGENT, agent)))));
                watches.add(Thread.ofVirtual().name("dashboard-agent-watch-" + agent).start(watch::run));
            }
            pump(frames, out);
        } finally {
            watches.forEach(Thread::interrupt);
            for (Thread t : watches) {
                try {
                    t.join(java.time.Duration.ofSeconds(2));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static Map<String, String> metadata(String agent, String runId) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(AGENT, agent);
        metadata.put(SseResponse.RUN_ID, runId);
        return metadata;
    }

    /** Until the client leaves (a write fails) or the server stops; heartbeats while idle. */
    private void pump(BlockingQueue<Frame> frames, SseResponse out) {
        long heartbeat = options.heartbeat().toNanos();
        long nextBeat = System.nanoTime() + heartbeat;
        try {
            while (!stopping.get()) {
                Frame frame = frames.poll(250, TimeUnit.MILLISECONDS);
                for (; frame != null; frame = frames.poll()) {
                    out.event(frame.event(), frame.metadata());
                }
                out.flush();
                if (System.nanoTime() - nextBeat >= 0) {
                    out.heartbeat();
                    nextBeat = System.nanoTime() + heartbeat;
                }
            }
        } catch (IOException e) {
            // the client left
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
