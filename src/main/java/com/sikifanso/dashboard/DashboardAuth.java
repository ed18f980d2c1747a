package com.sikifanso.dashboard;

import com.sikifanso.http.BearerToken;
import com.sikifanso.http.BearerTokenFilter;
import com.sikifanso.http.PlainResponses;
import com.sikifanso.ops.Surface;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Who may use a server with the dashboard: a program with {@code Authorization: Bearer} (the serve token, as
 * without the dashboard), or a browser with the session cookie that {@code GET /login?token=} hands out for the
 * printed link's token. A cookie rides along on any request the browser makes, so a state-changing request with
 * only the cookie must also carry the session's CSRF token in {@value #CSRF_HEADER}, which only the dashboard's
 * own pages know. Requests the dashboard makes are journalled as {@link Surface#dashboard}.
 */
public final class DashboardAuth implements Filter {
    public static final String LOGIN = "/login";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Request attribute: the CSRF token of the request's session, for the pages to embed. */
    static final String CSRF_ATTRIBUTE = "sikifanso.csrf";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final BearerToken token;
    private final BearerTokenFilter bearer;
    private final DashboardSessions sessions;

    public DashboardAuth(BearerToken token, DashboardSessions sessions) {
        this.token = token;
        this.bearer = new BearerTokenFilter(token, "send Authorization: Bearer with the token in " + token.file());
        this.sessions = sessions;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (LOGIN.equals(request.getRequestURI())) {
            login(request, response);
            return;
        }
        if (request.getHeader("Authorization") != null) {
            // A program: the bearer token, as without the dashboard (no cookie, so no CSRF to fear).
            bearer.doFilter(req, res, chain);
            return;
        }
        String session = sessionCookie(request);
        if (sessions.csrf(session).isEmpty()) {
            PlainResponses.send(response, 401, "not signed in; open the link sikifanso cluster dashboard printed "
                    + "(it carries the token), or send Authorization: Bearer with the token in " + token.file());
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod())
                && !sessions.csrfMatches(session, request.getHeader(CSRF_HEADER))) {
            PlainResponses.send(response, 403, "missing or wrong CSRF token (" + CSRF_HEADER + "); reload the "
                    + "dashboard page and try again");
            return;
        }
        request.setAttribute(Surface.class.getName(), Surface.dashboard);
        request.setAttribute(CSRF_ATTRIBUTE, sessions.csrf(session).orElseThrow());
        chain.doFilter(req, res);
    }

    /** The printed link: a right token becomes a session cookie and a redirect that drops the token from the URL. */
    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) || !sessions.isLinkToken(request.getParameter("token"))) {
            PlainResponses.send(response, 401, "the link's token is missing or not this dashboard's; open the link "
                    + "sikifanso cluster dashboard printed when it started (each start makes a new one)");
            return;
        }
        response.setHeader("Set-Cookie", DashboardSessions.COOKIE + "=" + sessions.open()
                + "; Path=/; HttpOnly; SameSite=Strict");
        response.setStatus(303);
        response.setHeader("Location", "/");
        response.setContentLength(0);
    }

    private static String sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (DashboardSessions.COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
