package com.sikifanso.log;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Takes credentials out of a log line before it is written anywhere: Authorization headers,
 * bearer and basic credentials, token-like query parameters, and the secrets this process holds
 * (the MCP token, the Argo CD password) wherever they appear.
 */
public final class Redaction {
    static final String MASK = "[redacted]";

    private static final Pattern AUTH_HEADER = Pattern.compile(
            "(?i)((?:proxy-)?authorization\\s*[:=]\\s*)(?:(bearer|basic|token)\\s+)?[^\\s,;\"'}\\]]+");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern QUERY = Pattern.compile(
            "(?i)([?&](?:access_token|token|password|api_key|apikey)=)[^&\\s\"'\\\\]+");

    /** Secrets of this process; process-wide like the loggers that must not print them. */
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private Redaction() {
    }

    /** Masks {@code secret} in every later log line (ignored when too short to be one). */
    public static void secret(String secret) {
        if (secret != null && secret.length() >= 8) {
            SECRETS.add(secret);
        }
    }

    public static String apply(String text) {
        String out = AUTH_HEADER.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(1) + (m.group(2) == null ? "" : m.group(2) + " ") + MASK));
        out = BEARER.matcher(out).replaceAll("$1" + java.util.regex.Matcher.quoteReplacement(MASK));
        out = QUERY.matcher(out).replaceAll("$1" + java.util.regex.Matcher.quoteReplacement(MASK));
        for (String secret : SECRETS) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
