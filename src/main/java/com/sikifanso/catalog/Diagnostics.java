package com.sikifanso.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import com.sikifanso.core.SikifansoException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a catalog app's author knows about how it fails, kept in its catalog file ({@code diagnostics:}) so it travels
 * with the entry: what it needs besides the apps it {@code dependsOn}, which pods and log lines tell its state, and its
 * common failures with their cause and fix. The AI operator reads it when asked why an app is unhealthy, and
 * {@code doctor} names the failure mode an unhealthy app's own message points to.
 *
 * @param needs what it needs at run time beyond its catalog dependencies (network, storage, memory), in words
 * @param pods the workloads whose pods matter, as their names start
 * @param logs log lines worth grepping for ({@code app logs NAME | grep}), literal text
 * @param failureModes its common failures, most likely first
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Diagnostics(List<String> needs, List<String> pods, List<String> logs, List<FailureMode> failureModes) {

    public static final Diagnostics NONE = new Diagnostics(List.of(), List.of(), List.of(), List.of());

    public Diagnostics {
        needs = needs == null ? List.of() : List.copyOf(needs);
        pods = pods == null ? List.of() : List.copyOf(pods);
        logs = logs == null ? List.of() : List.copyOf(logs);
        failureModes = failureModes == null ? List.of() : List.copyOf(failureModes);
    }

    /**
     * One way the app fails.
     *
     * @param symptom what is seen (a status, an event, a log line), in words
     * @param signals regular expressions (found anywhere, case-insensitive; most are plain words) in a status
     *        message, event or log line that point to it
     * @param cause why it happens
     * @param fix what to do, with the command where there is one (in a result, its commands read as the surface
     *        names them: {@link FixText})
     */
    public record FailureMode(String symptom, List<String> signals, String cause,
                              @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = FixText.Json.class)
                              String fix) {
        public FailureMode {
            signals = signals == null ? List.of() : List.copyOf(signals);
        }

        /** Whether {@code observed} (a status message, an event, a log line) carries one of its signals. */
        public boolean matches(String observed) {
            String text = observed == null ? "" : observed;
            return patterns().stream().anyMatch(p -> p.matcher(text).find());
        }

        /** The signals compiled; a signal that is no regular expression is refused naming it. */
        public List<Pattern> patterns() {
            return signals.stream().filter(s -> !s.isBlank()).map(FailureMode::compile).toList();
        }

        private static Pattern compile(String signal) {
            try {
                return Pattern.compile(signal, Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw SikifansoException.failure("diagnostics signal \"" + signal + "\" is not a regular expression: "
                        + e.getDescription(), "escape it (e.g. \\( for a parenthesis) in the catalog file");
            }
        }
    }

    /** The first failure mode whose signals appear in {@code observed}. */
    public Optional<FailureMode> matching(String observed) {
        return failureModes.stream().filter(m -> m.matches(observed)).findFirst();
    }

    /** Not a field of the file: without the ignore, Jackson wrote it as {@code empty: true}. */
    @JsonIgnore
    public boolean isEmpty() {
        return needs.isEmpty() && pods.isEmpty() && logs.isEmpty() && failureModes.isEmpty();
    }

    /** For {@code @JsonInclude(CUSTOM)}: an entry without diagnostics writes no {@code diagnostics:} block at all. */
    public static final class LeftOutWhenEmpty {
        @Override
        public boolean equals(Object value) {
            return value == null || value instanceof Diagnostics d && d.isEmpty();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
