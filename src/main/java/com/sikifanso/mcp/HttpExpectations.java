package com.sikifanso.mcp;

import com.sikifanso.core.Suggestion;
import com.sikifanso.http.PlainResponses;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * What Streamable HTTP clients expect beside the MCP exchange itself. Paths other than the endpoint
 * answer 404 before authentication, so a client probing {@code /.well-known/oauth-*} or {@code /register}
 * after a 401 learns there is no OAuth here instead of parsing a 401 as metadata. A
 * {@code MCP-Protocol-Version} we do not speak is 400 (2025-06-18 transport spec). {@code GET} of the
 * endpoint is 405 at once: this server sends nothing unprompted, and the spec allows 405 where the SDK
 * would hold an SSE stream open without flushing its headers.
 */
final class HttpExpectations {
    private HttpExpectations() {
    }

    /** 404 for every path but the endpoint. Runs before the bearer check. */
    static final class OnlyTheEndpoint implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            String path = ((HttpServletRequest) req).getRequestURI();
            if (!path.equals(HttpMcpEndpoint.PATH) && !path.startsWith(HttpMcpEndpoint.PATH + "/")) {
                PlainResponses.send((HttpServletResponse) res, HttpServletResponse.SC_NOT_FOUND,
                        "not found: this server has no OAuth; MCP is at " + HttpMcpEndpoint.PATH
                                + " with the bearer token from: " + Suggestion.of("mcp", "token").cli());
                return;
            }
            chain.doFilter(req, res);
        }
    }

    /** 400 for an unsupported protocol version header, 405 for GET. Runs after the bearer check. */
    static final class ProtocolGate implements Filter {
        private final List<String> versions;

        ProtocolGate(List<String> versions) {
            this.versions = versions;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            String version = request.getHeader("MCP-Protocol-Version");
            if (version != null && !versions.contains(version)) {
                PlainResponses.send(response, HttpServletResponse.SC_BAD_REQUEST, "unsupported MCP-Protocol-Version "
                        + PlainResponses.printable(version) + "; this server speaks " + String.join(", ", versions));
                return;
            }
            if ("GET".equals(request.getMethod())) {
                response.setHeader("Allow", "POST, DELETE");
                PlainResponses.send(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                        "this server sends no messages unprompted: POST requests to " + HttpMcpEndpoint.PATH);
                return;
            }
            chain.doFilter(req, res);
        }
    }
}
