package com.sikifanso.kube;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like a credential in text that leaves the tool (logs, event messages), so a
 * model never reads a password, token or API key. Errs on the side of masking.
 */
public final class Redactor {
    static final String MASK = "****";
    private static final List<Pattern> KEY_VALUE = List.of(
            // The key's words around the secret word are bounded: unbounded, a long unbroken token (a base64
            // blob) made every start position rescan the rest of it, quadratic in its length.
            Pattern.compile("(?i)(\"?[a-z0-9_.-]{0,64}(?:password|passwd|secret|token|api[_-]?key|apikey|access[_-]?key"
                    + "|private[_-]?key|credential)[a-z0-9_.-]{0,64}\"?\\s*[:=]\\s*\"?)"
                    // An unquoted true, false or null (JSON's) is no secret: masking it hid a flag (includeSecrets)
                    // and took the closing brace after it too, leaving tool arguments that were no longer JSON.
                    + "(?:(?<=\")|(?!(?:true|false|null)(?:[\\s\",;&}\\]]|$)))([^\\s\",;&]+)"),
            Pattern.compile("(?i)(authorization:\\s*(?:bearer|basic)\\s+)(\\S+)"),
            Pattern.compile("(?i)(\\bbearer\\s+)([A-Za-z0-9._~+/=-]{8,})"));
    private static final List<Pattern> WHOLE = List.of(
            Pattern.compile("\\bsk-[A-Za-z0-9_-]{8,}"),
            Pattern.compile("\\bpk-lf-[A-Za-z0-9_-]+|\\bsk-lf-[A-Za-z0-9_-]+"),
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]+"),
            Pattern.compile("(?i)://[^/\\s:@]+:([^/\\s@]+)@"));

    private Redactor() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Pattern p : KEY_VALUE) {
            out = p.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        }
        for (Pattern p : WHOLE) {
            out = p.matcher(out).replaceAll(m -> m.groupCount() == 1 && m.group(1) != null
                    ? Matcher.quoteReplacement(m.group().replace(m.group(1), MASK)) : MASK);
        }
        return out;
    }
}
