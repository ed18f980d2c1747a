package com.sikifanso.core;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written as Go and kubectl write them (5m0s, 1m30s, 2s, 500ms), to match --timeout's syntax. */
public final class GoDurations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private GoDurations() {
    }

    /** 90s, 5m, 1h30m, 500ms; empty for anything else. */
    public static Optional<Duration> parse(String value) {
        Matcher m = PART.matcher(value == null ? "" : value);
        Duration total = Duration.ZERO;
        int end = 0;
        try {
            while (m.find() && m.start() == end) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                });
                end = m.end();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
        return end == 0 || end != value.length() ? Optional.empty() : Optional.of(total);
    }

    public static String format(Duration d) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return d.toMillis() + "ms";
        }
        long h = d.toHours();
        long m = d.toMinutesPart();
        double s = d.toSecondsPart() + d.toMillisPart() / 1000.0;
        String seconds = s == Math.floor(s) ? Long.toString((long) s) : String.format(java.util.Locale.ROOT, "%.1f", s);
        if (h > 0) {
            return h + "h" + m + "m" + seconds + "s";
        }
        return m > 0 ? m + "m" + seconds + "s" : seconds + "s";
    }
}
