package com.sikifanso.agents.probe;

import com.sikifanso.core.Table;
import com.sikifanso.core.TextStyle;

/** A probe's table, in a terminal and in a tool's text alike; the coloured mark last, so columns stay aligned. */
public final class ProbeText {
    private ProbeText() {
    }

    public static String render(ProbeReport r, TextStyle style) {
        Table t = new Table("DESTINATION", "ADDRESS", "EXPECTED", "OBSERVED", "RULE", "RESULT");
        r.rows().forEach(row -> t.row(row.destination(), row.address(), row.expected().name().toLowerCase(),
                row.observed().name().replace('_', ' '), row.rule(), mark(row, style)));
        StringBuilder s = new StringBuilder(t.render());
        r.rows().stream().filter(row -> !row.matches() && row.detail() != null && !row.detail().isBlank())
                .forEach(row -> s.append("  ").append(row.destination()).append(": ").append(row.detail())
                        .append('\n'));
        s.append(r.passed()
                ? style.green("agent " + r.agent() + ": the cluster enforces its policy")
                : style.red("agent " + r.agent() + ": " + r.mismatches() + " destination(s) differ from its policy"));
        if (r.table().skipped() > 0) {
            s.append(" (").append(r.table().skipped()).append(" not tried)");
        }
        s.append('\n');
        r.table().causes().forEach(c -> s.append("  cause: ").append(style.hint(c)).append('\n'));
        return s.toString();
    }

    private static String mark(ProbeReport.Row row, TextStyle style) {
        if (row.observed() == ProbeScript.Observed.skipped) {
            return "skip";
        }
        return row.matches() ? style.green("ok") : style.red("MISMATCH");
    }
}
