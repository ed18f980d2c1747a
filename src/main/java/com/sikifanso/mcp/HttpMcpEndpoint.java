package com.sikifanso.mcp;

import com.sikifanso.core.SikifansoException;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import io.modelcontextprotocol.spec.ProtocolVersions;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
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
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port;
        try {
            port = colon < 0 ? 8811 : Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw SikifansoException.usage("--http " + hostPort + ": the port is not a number",
                    "give host:port, e.g. --http 127.0.0.1:8811");
        }
        if (port < 0 || port > 65535) {
            throw SikifansoException.usage("--http " + hostPort + ": port " + port + " is not between 0 and 65535",
                    "give host:port, e.g. --http 127.0.0.1:8811 (0 picks a free port)");
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(host.isEmpty() ? "0.0.0.0" : host.replace("[", "").replace("]", ""));
        } catch (UnknownHostException e) {
            throw SikifansoException.usage("--http " + hostPort + ": unknown host " + host,
                    "give host:port, e.g. --http 127.0.0.1:8811");
        }
        if (!ip.isLoopbackAddress() && !allowRemote) {
            throw SikifansoException.usage("--http " + hostPort + " would accept connections from other machines",
                    "bind to loopback (--http 127.0.0.1:" + port + "), or add --allow-remote if you mean it "
                            + "(clients still need the token)");
        }
        return new InetSocketAddress(ip, port);
    }

    /** Serves at {@code address}; {@code allowedOrigins} are browser origins besides the loopback one. */
    public static HttpMcpEndpoint start(InetSocketAddress address, McpToken token, List<String> allowedOrigins) {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(SikifansoMcpServer.jsonMapper())
                .mcpEndpoint(PATH)
                .contextExtractor(request -> NegotiatedVersion.context(java.util.Objects.requireNonNullElse(
                        request.getHeader("MCP-Protocol-Version"), ProtocolVersions.MCP_2025_03_26)))
                .build();
        Server jetty = new Server(address);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new RebindingGuard(address.getAddress(), allowedOrigins)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new HttpExpectations.OnlyTheEndpoint()), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new BearerTokenFilter(token)), "/*", EnumSet.of(DispatcherType.REQUEST));
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

    /** Lets a request through only with {@code Authorization: Bearer <token>}. */
    private static final class BearerTokenFilter implements Filter {
        private final McpToken token;

        BearerTokenFilter(McpToken token) {
            this.token = token;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            String header = ((HttpServletRequest) req).getHeader("Authorization");
            String presented = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
            if (!token.matches(presented)) {
                HttpServletResponse response = (HttpServletResponse) res;
                // invalid_token (RFC 6750) and no resource_metadata: nothing to discover, send the token.
                response.setHeader("WWW-Authenticate", "Bearer realm=\"sikifanso\", error=\"invalid_token\"");
                PlainResponses.send(response, HttpServletResponse.SC_UNAUTHORIZED,
                        "missing or wrong bearer token; print it with: sikifanso mcp token");
                return;
            }
            chain.doFilter(req, res);
        }
    }
}
