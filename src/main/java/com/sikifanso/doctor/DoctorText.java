package com.sikifanso.doctor;

import java.util.function.UnaryOperator;

/** The report for people: one line per check, then the cause and fix under each warning or failure. */
public final class DoctorText {
    private DoctorText() {
    }

    /** Colours for the verdict column; identity for plain text. */
    public record Paint(UnaryOperator<String> pass, UnaryOperator<String> warn, UnaryOperator<String> fail) {
        public static final Paint NONE = new Paint(s -> s, s -> s, s -> s);

        String of(Verdict v, String s) {
            return switch (v) {
                case PASS -> pass.apply(s);
                case WARN -> warn.apply(s);
                case FAIL -> fail.apply(s);
            };
        }
    }

    public static String render(DoctorReport report, Paint paint) {
        int width = report.checks().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        StringBuilder s = new StringBuilder();
        String indent = " ".repeat(6 + width + 2);
        for (CheckResult c : report.checks()) {
            String label = String.format("%-4s", c.status().label().toUpperCase(java.util.Locale.ROOT));
            s.append(paint.of(c.status(), label)).append("  ").append(String.format("%-" + width + "s", c.name()))
                    .append("  ").append(c.message() == null ? "" : c.message()).append('\n');
            if (c.cause() != null) {
                s.append(indent).append("cause: ").append(c.cause()).append('\n');
            }
            if (c.fix() != null) {
                s.append(indent).append("fix:   ").append(c.fix()).append('\n');
            }
        }
        DoctorReport.Summary sum = report.summary();
        s.append('\n').append(sum.pass()).append(" passed, ").append(sum.warn()).append(sum.warn() == 1 ? " warning, "
                : " warnings, ").append(sum.fail()).append(" failed\n");
        return s.toString();
    }
}
