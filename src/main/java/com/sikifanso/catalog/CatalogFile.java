package com.sikifanso.catalog;

import com.sikifanso.core.SikifansoException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flips {@code enabled:} in a catalog file's text. A line edit, not a YAML round trip, so the
 * user's comments, key order and quoting survive (Renovate matches the exact line layout).
 */
public final class CatalogFile {
    private static final Pattern ENABLED = Pattern.compile(
            "(?m)^enabled:[ \\t]*(?:true|false|\"true\"|\"false\"|'true'|'false')[ \\t]*(#.*)?$");

    private CatalogFile() {
    }

    private static final Pattern TARGET_REVISION = Pattern.compile(
            "(?m)^targetRevision:[ \\t]*(?:\"[^\"\\n]*\"|'[^'\\n]*'|[^#\\s]+)[ \\t]*(#.*)?$");

    /** Sets the chart version ({@code targetRevision:}), keeping the line's comment, as {@link #withEnabled}. */
    public static String withTargetRevision(String path, String text, String version) {
        return withLine(TARGET_REVISION, path, text, "targetRevision: \"" + version + "\"", "targetRevision:",
                "add the chart version as targetRevision: \"1.2.3\" to " + path + " and commit");
    }

    public static String withEnabled(String path, String text, boolean enabled) {
        return withLine(ENABLED, path, text, "enabled: " + enabled, "enabled: true|false", "add the line enabled: false to " + path
                + " and commit");
    }

    /** The top-level line {@code line} matches replaced by {@code replacement}, its trailing comment kept. */
    private static String withLine(Pattern line, String path, String text, String replacement, String expected,
                                   String fix) {
        Matcher m = line.matcher(text);
        if (!m.find()) {
            throw SikifansoException.failure(path + " has no top-level \"" + expected + "\" line", fix);
        }
        String comment = m.group(1) == null ? "" : " " + m.group(1);
        return text.substring(0, m.start()) + replacement + comment + text.substring(m.end());
    }
}
