package com.sikifanso.server;

import com.sikifanso.core.ClusterName;
import com.sikifanso.Services;
import com.sikifanso.agui.state.ClusterStateFeed;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.dashboard.DashboardAuth;
import com.sikifanso.dashboard.DashboardServlet;
import com.sikifanso.dashboard.DashboardSessions;
import com.sikifanso.dashboard.SecurityHeaders;
import com.sikifanso.http.BearerToken;
import com.sikifanso.http.BearerTokenFilter;
import com.sikifanso.http.PlainResponses;
import com.sikifanso.http.RebindingGuard;
import com.sikifanso.ops.OperationRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;

/**
 * {@code sikifanso serve}: the AG-UI endpoints (and, later, the dashboard) on Jetty, behind the same guards as
 * {@code mcp serve --http}: the DNS-rebinding Host check and Origin check (no CORS at all, so no wildcard), then the
 * bearer token.
 */
public final class AguiServer implements AutoCloseable {
    private final Server jetty;
    private final AtomicBoolean stopping;
    private final JournalPump pump;
    private final ClusterStateFeed stateFeed;

    private AguiServer(Server jetty, AtomicBoolean stopping, JournalPump pump, ClusterStateFeed stateFeed) {
        this.jetty = jetty;
        this.stopping = stopping;
        this.pump = pump;
        this.stateFeed = stateFeed;
    }

    public static AguiServer start(Services services, BearerToken token, ServeOptions options) {
        return start(services, token, options, defaultOperators(services), null);
    }

    /** {@code operators}: the AI operator for a cluster, for runs that carry a conversation rather than one call. */
    public static AguiServer start(Services services, BearerToken token, ServeOptions options,
                                   OperatorSessions operators) {
        return start(services, token, options, operators, null);
    }

    /**
     * The same server with the dashboard's pages at {@code /}: browsers sign in with the link's token and then use
     * a session cookie (CSRF token on changes), programs still send the bearer token; every answer carries the
     * dashboard's Content-Security-Policy.
     */
    public static AguiServer startWithDashboard(Services services, BearerToken token, ServeOptions options,
                                                DashboardSessions sessions) {
        return start(services, token, options, defaultOperators(services), sessions);
    }

    public static AguiServer startWithDashboard(Services services, BearerToken token, ServeOptions options,
                                                DashboardSessions sessions, OperatorSessions operators) {
        return start(services, token, options, operators, sessions);
    }

    private static OperatorSessions defaultOperators(Services services) {
        return cluster -> com.sikifanso.ai.OperatorDefaults.forServer(services, System.getenv(), cluster);
    }

    private static AguiServer start(Services services, BearerToken token, ServeOptions options,
                                    OperatorSessions operators, DashboardSessions dashboard) {
        AtomicBoolean stopping = new AtomicBoolean();
        ClusterJournals journals = new ClusterJournals(services.sessions(), options.defaultCluster());
        JournalPump pump = new JournalPump(options, stopping);
        ServletContextHandler context = new ServletContextHandler();
        if (dashboard != null) {
            context.addFilter(new FilterHolder(new SecurityHeaders()), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addFilter(new FilterHolder(new RebindingGuard(options.address().getAddress(), List.of(),
                new RebindingGuard.Advice("connect to the address sikifanso serve listens on",
                        "only pages this server serves may call it"))), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(dashboard != null ? new DashboardAuth(token, dashboard)
                : new BearerTokenFilter(token, "send Authorization: Bearer with the token in " + token.file())), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new JournalEventsServlet(journals, pump,
                cluster -> ClusterStateFeed.whileListening(services, ClusterName.of(cluster)))),
                JournalEventsServlet.PATH);
        context.addServlet(new ServletHolder(new AgentWatchServlet(services, journals, options, stopping)),
                AgentWatchServlet.PATH);
        context.addServlet(new ServletHolder(new RunServlet(services.invocations(), new OperationRegistry(), journals,
                pump, operators)), RunServlet.PATH);
        context.addServlet(new ServletHolder(dashboard != null ? new DashboardServlet(services,
                options.defaultCluster(), NotFound.ENDPOINTS) : new NotFound()), "/");
        Server jetty = new Server(options.address());
        jetty.setHandler(context);
        jetty.setStopTimeout(2000);
        try {
            jetty.start();
        } catch (Exception e) {
            throw SikifansoException.failure("cannot listen on " + options.address() + ": " + e.getMessage(),
                    "pick a free port with --addr 127.0.0.1:PORT", e);
        }
        // The dashboard shows its cluster's state on every page: it keeps the state feed running while it serves,
        // so opening a page (or ten tabs) does not start a feed, with its doctor run, each time.
        AguiServer server = new AguiServer(jetty, stopping, pump, null);
        if (dashboard == null) {
            return server;
        }
        try {
            return new AguiServer(jetty, stopping, pump, ClusterStateFeed.whileListening(services,
                    ClusterName.of(options.defaultCluster())));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public int port() {
        return ((NetworkConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** Event streams being served now (journal followers and runs); 0 once every client has gone. */
    public int openStreams() {
        return pump.open();
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Ends every stream (each notices within a quarter second) and stops listening. */
    @Override
    public void close() {
        stopping.set(true);
        if (stateFeed != null) {
            stateFeed.close();
        }
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // Stopping on the way out: nothing left to do.
        }
    }

    /** Any other path or method: a plain 404 naming the endpoints (Jetty's error page would echo the URL). */
    private static final class NotFound extends HttpServlet {
        static final String ENDPOINTS = "this server has GET " + JournalEventsServlet.PATH + "?cluster=NAME, GET "
                + AgentWatchServlet.PATH + "?cluster=NAME&agent=NAME and POST " + RunServlet.PATH;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            PlainResponses.send(response, 404, "not found; " + ENDPOINTS);
        }
    }
}
