package com.sikifanso.core;

import java.time.Duration;

/** Durations written as Go and kubectl write them (5m0s, 1m30s, 2s, 500ms), to match --timeout's syntax. */
public final class GoDurations {
    private GoDurations() {
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
