package com.sikifanso.gitops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The git trailers every commit made during one operation call carries ({@code Sikifanso-Run}, {@code
 * Sikifanso-Surface}), so a run's commits can be found again in the history and undone together.
 *
 * <p>A call's context, not state: set around one invocation on the thread that runs its handler (as SLF4J's MDC
 * is) and cleared when it ends, because threading a run id through every service down to the commit would change
 * every service's signature for what is only a label on the commit. Handlers commit on the calling thread.
 */
public final class CommitTrailers {
    public static final String RUN = "Sikifanso-Run";
    public static final String SURFACE = "Sikifanso-Surface";
    /** On the commit {@code run_undo} makes: the run it reverted. */
    public static final String UNDOES = "Sikifanso-Undoes";

    private static final ThreadLocal<Map<String, String>> CURRENT = ThreadLocal.withInitial(Map::of);

    private CommitTrailers() {
    }

    /** Runs {@code call} with {@code trailers} added to every commit it makes on this thread. */
    public static <T> T during(Map<String, String> trailers, Supplier<T> call) {
        Map<String, String> outer = CURRENT.get();
        Map<String, String> merged = new LinkedHashMap<>(outer);
        merged.putAll(trailers);
        CURRENT.set(Map.copyOf(merged));
        try {
            return call.get();
        } finally {
            if (outer.isEmpty()) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** {@code message} with the current trailers appended as git's last paragraph; unchanged outside a call. */
    static String onto(String message) {
        Map<String, String> trailers = CURRENT.get();
        if (trailers.isEmpty()) {
            return message;
        }
        StringBuilder s = new StringBuilder(message.stripTrailing()).append("\n\n");
        trailers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(t -> s.append(t.getKey()).append(": ").append(t.getValue()).append('\n'));
        return s.toString();
    }

    /** The value of trailer {@code key} in a commit's full message, or null. */
    public static String valueIn(String fullMessage, String key) {
        String prefix = key + ": ";
        String found = null;
        for (String line : fullMessage.split("\n")) {
            if (line.startsWith(prefix)) {
                found = line.substring(prefix.length()).strip();
            }
        }
        return found;
    }
}
