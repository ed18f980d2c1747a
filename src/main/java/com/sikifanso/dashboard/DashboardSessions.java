package com.sikifanso.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's browser sessions. The link {@code cluster dashboard} prints carries a token made for this run of
 * the server (not the long-lived bearer token: a URL ends up in the browser's history); opening it gives the browser
 * a session cookie, and each session its own CSRF token that the page sends back on every state-changing request.
 * Kept in memory only: stopping the dashboard ends every session.
 */
public final class DashboardSessions {
    /** The cookie's name; HttpOnly and SameSite=Strict, so page scripts and other sites can neither read nor send it. */
    public static final String COOKIE = "sikifanso_dashboard";

    private static final SecureRandom RANDOM = new SecureRandom();
    private final String linkToken = random();
    private final Map<String, String> csrfBySession = new ConcurrentHashMap<>();

    /** The token of the printed link. */
    public String linkToken() {
        return linkToken;
    }

    public boolean isLinkToken(String presented) {
        return equal(presented, linkToken);
    }

    /** A new session id; its CSRF token is {@link #csrf(String)}. */
    String open() {
        String session = random();
        csrfBySession.put(session, random());
        return session;
    }

    /** The CSRF token of a live session, empty for an unknown one (an old cookie from an earlier run). */
    Optional<String> csrf(String session) {
        return session == null ? Optional.empty() : Optional.ofNullable(csrfBySession.get(session));
    }

    boolean csrfMatches(String session, String presented) {
        return csrf(session).map(expected -> equal(presented, expected)).orElse(false);
    }

    /** Compares in constant time, so a token cannot be guessed byte by byte from timings. */
    private static boolean equal(String presented, String expected) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
