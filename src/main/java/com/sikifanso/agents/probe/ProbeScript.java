package com.sikifanso.agents.probe;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell script the probe pod runs (busybox {@code sh}, {@code nc}, {@code nslookup}, {@code timeout}) and the
 * reading of what it prints. One line per destination, so the result is parseable from the pod's log whatever
 * order the tries finish in: {@code sikifanso-probe ID rc=N MESSAGE}, between a begin and an end line.
 *
 * <p>A TCP try is {@code nc -w 4 HOST PORT </dev/null} under {@code timeout 8}: exit 0 is a connection the peer
 * closed; busybox prints "Connection refused" when the packet reached a host where nothing listens (so the policy let
 * it through), "timed out" when nothing answered within 4 s (Cilium drops denied packets silently), "bad address"
 * when the name did not resolve; killed by {@code timeout} with nothing printed means connected and held open.
 */
public final class ProbeScript {
    static final String PREFIX = "sikifanso-probe";
    static final String END = PREFIX + " end";
    private static final Pattern LINE = Pattern.compile("^" + PREFIX + " (r\\d+) rc=(\\d+) ?(.*)$");
    /** Hosts reach the shell only if they are plain DNS names or IP addresses (nothing to quote or expand). */
    private static final Pattern SAFE_HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:-]*");
    /** busybox timeout leaves the shell to report SIGTERM (143); coreutils timeout exits 124. */
    private static final java.util.Set<Integer> KILLED_BY_TIMEOUT = java.util.Set.of(143, 124);

    private ProbeScript() {
    }

    /** What one try showed. */
    public enum Observed {
        connected, refused, no_answer, resolved, not_resolved, skipped, not_reported;

        /** Whether the packet got through the policy (a refusal means it arrived where nothing listens). */
        boolean reached() {
            return this == connected || this == refused || this == resolved;
        }
    }

    public record Outcome(Observed observed, String detail) {
    }

    static boolean safe(String host) {
        return host != null && SAFE_HOST.matcher(host).matches();
    }

    public static String of(List<ProbeTarget> targets) {
        StringBuilder s = new StringBuilder();
        s.append("t() { out=$(timeout 8 nc -w 4 \"$2\" \"$3\" </dev/null 2>&1); rc=$?; ")
                .append("echo \"" + PREFIX + " $1 rc=$rc $(echo $out)\"; }\n");
        s.append("d() { out=$(timeout 8 nslookup \"$2\" 2>&1); rc=$?; ")
                .append("echo \"" + PREFIX + " $1 rc=$rc $(echo \"$out\" | grep -c Address) addresses\"; }\n");
        s.append("echo \"" + PREFIX + " begin\"\n");
        for (ProbeTarget t : targets) {
            if (!t.tried()) {
                continue;
            }
            if (!safe(t.host())) {
                throw new IllegalArgumentException("not a host name or address: " + t.host());
            }
            boolean lookup = t.destination().check() == Destination.Check.RESOLVE;
            s.append(lookup ? "d " : "t ").append(t.id()).append(' ').append(t.host())
                    .append(lookup ? "" : " " + t.port()).append(" &\n");
        }
        s.append("wait\necho \"" + END + "\"\n");
        return s.toString();
    }

    /** The outcome per target id, from the pod's log; ids the log does not mention are absent. */
    public static Map<String, Outcome> parse(String log, List<ProbeTarget> targets) {
        Map<String, Outcome> outcomes = new TreeMap<>();
        for (String line : log.split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            Optional<ProbeTarget> target = targets.stream().filter(t -> t.id().equals(m.group(1))).findFirst();
            target.ifPresent(t -> outcomes.put(t.id(), outcome(t, Integer.parseInt(m.group(2)), m.group(3).strip())));
        }
        return outcomes;
    }

    public static boolean finished(String log) {
        return log.lines().anyMatch(l -> l.strip().equals(END));
    }

    private static Outcome outcome(ProbeTarget t, int rc, String message) {
        if (t.destination().check() == Destination.Check.RESOLVE) {
            return new Outcome(rc == 0 ? Observed.resolved : Observed.not_resolved, message);
        }
        String lower = message.toLowerCase();
        if (rc == 0 || (KILLED_BY_TIMEOUT.contains(rc) && message.isEmpty())) {
            return new Outcome(Observed.connected, rc == 0 ? "" : "connected, held open");
        }
        if (lower.contains("refused")) {
            return new Outcome(Observed.refused, message);
        }
        if (lower.contains("bad address")) {
            return new Outcome(Observed.not_resolved, message);
        }
        return new Outcome(Observed.no_answer, message.isEmpty() ? "rc=" + rc : message);
    }
}
