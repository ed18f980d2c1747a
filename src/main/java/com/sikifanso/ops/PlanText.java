package com.sikifanso.ops;

import com.sikifanso.core.TextStyle;

/** A plan for people and models: the summary, then the diff it would commit (coloured on a terminal). */
public final class PlanText {
    private PlanText() {
    }

    public static String render(Plan plan, TextStyle style) {
        StringBuilder s = new StringBuilder(style.bold("plan: ")).append(plan.summary()).append('\n');
        if (plan.changesRepository()) {
            s.append("files: ").append(String.join(", ", plan.files())).append('\n');
            for (String line : plan.diff().stripTrailing().split("\n")) {
                s.append(line.startsWith("+") && !line.startsWith("+++") ? style.green(line)
                        : line.startsWith("-") && !line.startsWith("---") ? style.red(line) : line).append('\n');
            }
        }
        s.append("Nothing was changed (dry run).\n");
        return s.toString();
    }
}
