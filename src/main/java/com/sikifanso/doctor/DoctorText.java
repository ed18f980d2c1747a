package com.sikifanso.doctor;

import com.sikifanso.core.TextStyle;

/** The report for people: one line per check, then the cause and fix under each warning or failure. */
public final class DoctorText {
    private DoctorText() {
    }

    public static String render(DoctorReport report, TextStyle style) {
        int width = report.checks().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        StringBuilder s = new StringBuilder();
        String indent = " ".repeat(6 + width + 2);
        for (CheckResult c : report.checks()) {
            String label = String.format("%-4s", c.status().label().toUpperCase(java.util.Locale.ROOT));
            s.append(paint(style, c.status(), label)).append("  ").append(String.format("%-" + width + "s", c.name()))
                    .append("  ").append(c.message() == null ? "" : c.message()).append('\n');
            if (c.cause() != null) {
                s.append(indent).append("cause: ").append(style.hint(c.cause())).append('\n');
            }
            if (c.fix() != null) {
                s.append(indent).append("fix:   ").append(style.hint(c.fix())).append('\n');
            }
        }
        DoctorReport.Summary sum = report.summary();
        s.append('\n').append(sum.pass()).append(" passed, ").append(sum.warn()).append(sum.warn() == 1 ? " warning, "
                : " warnings, ").append(sum.fail()).append(" failed\n");
        return s.toString();
    }

    /** The verdict column's colour: green, yellow, red; nothing in plain text. */
    private static String paint(TextStyle style, Verdict v, String s) {
        return switch (v) {
            case PASS -> style.green(s);
            case WARN -> style.yellow(s);
            case FAIL -> style.red(s);
        };
    }
}
