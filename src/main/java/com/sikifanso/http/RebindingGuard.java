package com.sikifanso.http;

import com.sikifanso.core.SikifansoException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses requests a web page could have made through DNS rebinding, as the MCP specification asks
 * of Streamable HTTP servers: the {@code Host} must name the bound address or loopback, and an
 * {@code Origin}, when a browser sends one, must be this server's own loopback origin or one the
 * user allowed with {@code --allow-origin}. Clients that are not browsers send no Origin.
 */
public final class RebindingGuard implements Filter {
    private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> hosts = new HashSet<>();
    private final Set<String> origins = new HashSet<>();
    private final boolean wildcardBind;
    private final Advice advice;

    /** What a refused request is told: how to reach this server, and how another origin would be allowed. */
    public record Advice(String host, String origin) {
    }

    public RebindingGuard(InetAddress bound, List<String> allowedOrigins, Advice advice) {
        this.advice = advice;
        wildcardBind = bound.isAnyLocalAddress();
        hosts.addAll(LOOPBACK_NAMES);
        if (!wildcardBind) {
            hosts.add(literal(bound));
        }
        for (String origin : allowedOrigins) {
            URI uri = allowedOrigin(origin);
            origins.add(normalise(origin));
            hosts.add(uri.getHost().toLowerCase(Locale.ROOT));
        }
    }

    /** An {@code --allow-origin} value: scheme://host[:port] with http or https, nothing after. */
    public static URI allowedOrigin(String origin) {
        URI uri;
        try {
            uri = new URI(normalise(origin));
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null) {
            throw SikifansoException.usage("--allow-origin " + origin + " is not an origin",
                    "give scheme://host[:port] as a browser sends it, e.g. --allow-origin https://ide.example.com");
        }
        return uri;
    }

    /** An origin as browsers send it: scheme://host[:port], lower case, no trailing slash. */
    public static String normalise(String origin) {
        return origin.strip().toLowerCase(Locale.ROOT).replaceFirst("/+$", "");
    }

    private static String literal(InetAddress ip) {
        String text = ip.getHostAddress();
        return text.contains(":") ? "[" + text + "]" : text;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String refusal = refusal(request.getHeader("Host"), request.getHeader("Origin"), request.getLocalPort());
        if (refusal != null) {
            PlainResponses.send((HttpServletResponse) res, HttpServletResponse.SC_FORBIDDEN, refusal);
            return;
        }
        chain.doFilter(req, res);
    }

    /** Why a request is refused, or null when it may go on. */
    public String refusal(String hostHeader, String origin, int port) {
        if (hostHeader == null || !hostAllowed(hostName(hostHeader))) {
            return "forbidden Host header; " + advice.host();
        }
        if (origin != null && !originAllowed(normalise(origin), port)) {
            return "forbidden Origin; " + advice.origin();
        }
        return null;
    }

    private boolean hostAllowed(String name) {
        String host = name.toLowerCase(Locale.ROOT);
        // A rebinding attack needs a DNS name; on a wildcard bind any IP literal is the machine itself.
        return hosts.contains(host) || (wildcardBind && isIpLiteral(host));
    }

    private boolean originAllowed(String origin, int port) {
        if (origins.contains(origin)) {
            return true;
        }
        for (String name : LOOPBACK_NAMES) {
            if (origin.equals("http://" + name + ":" + port)) {
                return true;
            }
        }
        return false;
    }

    private static String hostName(String hostHeader) {
        String host = hostHeader.strip();
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (host.startsWith("[") && host.endsWith("]"));
    }
}
