package com.sikifanso.catalog;

import com.sikifanso.core.Hint;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Suggestion;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape of a custom app's chart coordinates, checked before anything is written, so that a
 * repo, chart or version Argo CD cannot use is refused now rather than found out by Argo CD later.
 */
public final class ChartReference {
    static final Set<String> SCHEMES = Set.of("https", "http", "oci");
    /** Helm's own rule for chart names (helm lint: ^[a-zA-Z0-9._-]+$), not starting with '.' or '-'. */
    private static final Pattern CHART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,249}");
    /** A semantic version, with an optional leading v, pre-release and build metadata. */
    static final Pattern SEMVER = Pattern.compile(
            "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
    /** A semver range as Argo CD (Masterminds semver) reads one: *, 6.*, ^6.10, ~6.10.1, >=6.0.0 <7.0.0, a || b. */
    private static final Pattern RANGE = Pattern.compile("[0-9A-Za-z.*^~<>=!|, +-]{1,100}");
    private static final Pattern CONSTRAINT_TERM = Pattern.compile(
            "(\\^|~|>=|<=|!=|>|<|=)?v?(\\*|[xX]|\\d+)(\\.(\\*|[xX]|\\d+)){0,2}(-[0-9A-Za-z.-]+)?");
    public static final String VERSION_RULE = "a chart version like 6.10.1, or a semver range Argo CD understands: "
            + "*, 6.*, ^6.10, ~6.10.1, >=6.0.0 <7.0.0";

    private ChartReference() {
    }

    /**
     * How the three are named to whoever gave them: hint parts or plain words.
     *
     * @see #APP_ADD
     * @see #ENTRY
     */
    public record Fields(Object repo, Object chart, Object version) {
    }

    /** {@code app add}'s flags on the CLI, its tool's arguments ({@code repoUrl}, ...) for a model. */
    public static final Fields APP_ADD = new Fields(
            Suggestion.of("app", "add").option("repo", "repoUrl", "URL").mentionFlag(),
            Suggestion.of("app", "add").option("chart", "CHART").mentionFlag(),
            Suggestion.of("app", "add").option("version", "VERSION").mentionFlag());

    /** A catalog entry's YAML keys. */
    public static final Fields ENTRY = new Fields("repoURL", "chart", "targetRevision");

    /** Refuses a repo, chart or version of the wrong shape, naming the flag and the rule. */
    public static void require(String repo, String chart, String version) {
        require(repo, chart, version, APP_ADD);
    }

    /** As {@link #require(String, String, String)}, naming the fields as {@code fields} does. */
    public static void require(String repo, String chart, String version, Fields fields) {
        noControlCharacters(fields.repo(), repo, false);
        noControlCharacters(fields.chart(), chart, false);
        noControlCharacters(fields.version(), version, true);
        requireRepo(repo, fields);
        if (!CHART.matcher(chart).matches() || chart.contains("..")) {
            throw SikifansoException.usage(Hint.of(fields.chart(), " \"" + chart + "\" is not a chart name"),
                    "a chart name is letters, digits, '.', '_' and '-' (as Helm names charts), e.g. podinfo; "
                            + "the repository goes in ", fields.repo());
        }
        if (!isVersion(version)) {
            throw SikifansoException.usage(Hint.of(fields.version(), " \"" + version + "\" is not a chart version"),
                    VERSION_RULE);
        }
    }

    static boolean isVersion(String version) {
        if (SEMVER.matcher(version).matches()) {
            return true;
        }
        if (!RANGE.matcher(version).matches()) {
            return false;
        }
        for (String alternative : version.split("\\|\\|", -1)) {
            // ">= 6.0" is one term: join operators to their version, then split on spaces and commas.
            String joined = alternative.strip().replaceAll("(\\^|~|>=|<=|!=|>|<|=)\\s+", "$1");
            if (joined.isEmpty()) {
                return false;
            }
            for (String term : joined.split("[\\s,]+")) {
                if (!CONSTRAINT_TERM.matcher(term).matches()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void requireRepo(String repo, Fields fields) {
        URI uri;
        try {
            uri = new URI(repo);
        } catch (URISyntaxException e) {
            throw SikifansoException.usage(Hint.of(fields.repo(), " \"" + repo + "\" is not a URL: " + e.getReason()),
                    "give the Helm repository's URL, e.g. https://stefanprodan.github.io/podinfo or "
                            + "oci://ghcr.io/stefanprodan/charts");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!SCHEMES.contains(scheme) || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw SikifansoException.usage(Hint.of(fields.repo(), " \"" + repo
                            + "\" is not an https, http or oci URL with a host"),
                    "Argo CD fetches charts from a Helm repository (https://HOST/PATH) or an OCI registry "
                            + "(oci://HOST/PATH)");
        }
        if (uri.getUserInfo() != null) {
            throw SikifansoException.usage(Hint.of(fields.repo(), " \"" + uri.getScheme() + "://…@" + uri.getHost()
                            + "\" holds credentials, which would be committed to the GitOps repo"),
                    "give the URL without user:password@; add the credentials to Argo CD as a repository secret");
        }
    }

    /** A version range may have spaces ({@code >=6.0.0 <7.0.0}); nothing may have control characters. */
    private static void noControlCharacters(Object field, String value, boolean spacesAllowed) {
        if (value.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c) && !spacesAllowed)) {
            throw SikifansoException.usage(Hint.of(field, " " + printable(value) + " holds a control character or a space"),
                    "give it on one line, without spaces or control characters");
        }
    }

    /** The value with control characters shown as \n, \t or \\uXXXX, so the error prints on one line. */
    private static String printable(String value) {
        StringBuilder b = new StringBuilder("\"");
        value.chars().forEach(c -> b.append(c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r"
                : Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.append('"').toString();
    }
}
