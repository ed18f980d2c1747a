package com.sikifanso.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Lets a request through only with {@code Authorization: Bearer <token>}; {@code whereToFindIt} goes in the 401. */
public final class BearerTokenFilter implements Filter {
    private final BearerToken token;
    private final String whereToFindIt;

    public BearerTokenFilter(BearerToken token, String whereToFindIt) {
        this.token = token;
        this.whereToFindIt = whereToFindIt;
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
                    "missing or wrong bearer token; " + whereToFindIt);
            return;
        }
        chain.doFilter(req, res);
    }
}
