package com.sikifanso.mcp;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.http.BearerToken;
import com.sikifanso.http.BearerTokenFilter;
import com.sikifanso.http.ListenAddress;
import com.sikifanso.http.RebindingGuard;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

/** Streamable HTTP at {@code /mcp}, behind a bearer token, bound to loopback unless told otherwise. */
public final class HttpMcpEndpoint {
    public static final String PATH = "/mcp";
    /** Each endpoint's 2026-07-28 filter, found by the SDK transport the server is started with. */
    private static final java.util.Map<Object, ModernHttp> MODERN = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

    private final Server jetty;
    private final HttpServletStreamableServerTransportProvider transport;

    private HttpMcpEndpoint(Server jetty, HttpServletStreamableServerTransportProvider transport) {
        this.jetty = jetty;
        this.transport = transport;
    }

    /** Parses {@code host:port} and refuses a non-loopback address unless {@code allowRemote}. */
    public static InetSocketAddress address(String hostPort, boolean allowRemote) {
        return new ListenAddress("--http", 8811).parse(hostPort, allowRemote);
    }

    /** Serves at {@code address}; {@code allowedOrigins} are browser origins besides the loopback one. */
    public static HttpMcpEndpoint start(InetSocketAddress address, BearerToken token, List<String> allowedOrigins) {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(SikifansoMcpServer.jsonMapper())
                .mcpEndpoint(PATH)
                .contextExtractor(request -> NegotiatedVersion.context(java.util.Objects.requireNonNullElse(
                        request.getHeader("MCP-Protocol-Version"), ProtocolVersions.MCP_2025_03_26)))
                .build();
        Server jetty = new Server(address);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new RebindingGuard(address.getAddress(), allowedOrigins,
                new RebindingGuard.Advice("connect to the address mcp serve --http listens on",
                        "allow a web client's origin with mcp serve --allow-origin ORIGIN"))), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new HttpExpectations.OnlyTheEndpoint()), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new BearerTokenFilter(token,
                "print it with: " + Suggestion.of("mcp", "token").cli())), "/*", EnumSet.of(DispatcherType.REQUEST));
        ModernHttp modern = new ModernHttp();
        MODERN.put(transport, modern);
        context.addFilter(new FilterHolder(modern), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new HttpBatches()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new HttpExpectations.ProtocolGate(transport.protocolVersions())), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        ServletHolder servlet = new ServletHolder(transport);
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, PATH + "/*");
        context.addServlet(servlet, PATH);
        jetty.setHandler(context);
        try {
            jetty.start();
        } catch (Exception e) {
            throw SikifansoException.failure("cannot listen on " + address + ": " + e.getMessage(),
                    "pick a free port with --http 127.0.0.1:PORT", e);
        }
        return new HttpMcpEndpoint(jetty, transport);
    }

    /** Answers 2026-07-28 requests at the endpoint whose SDK transport is {@code transport}. */
    static void serveModern(Object transport, ModernDispatcher dispatcher) {
        ModernHttp modern = MODERN.get(transport);
        if (modern != null) {
            modern.serve(dispatcher);
        }
    }

    public HttpServletStreamableServerTransportProvider transport() {
        return transport;
    }

    public int port() {
        return ((org.eclipse.jetty.server.NetworkConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    public void stop() {
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // Stopping on the way out: nothing left to do.
        }
    }
}
