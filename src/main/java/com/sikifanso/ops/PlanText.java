package com.sikifanso.ops;

import com.sikifanso.core.TextStyle;

/**
 * A plan for people and models: the summary, then the files and the diff it would commit (coloured on a terminal).
 * One rendering for a dry run (CLI --dry-run, MCP dryRun) and for a change put to a person for approval (sikifanso ai).
 */
public final class PlanText {
    private PlanText() {
    }

    /** A dry run's answer: the plan, and that nothing changed. */
    public static String render(Plan plan, TextStyle style) {
        return style.bold("plan: ") + body(plan, style) + "Nothing was changed (dry run).\n";
    }

    /** A change put to a person before it runs: which operation, how risky, and the plan. */
    public static String proposal(Plan plan, TextStyle style) {
        return style.bold("Plan: " + plan.operation()) + " ("
                + (plan.safety().destructive() ? style.red("destructive") : "changes the cluster") + ")\n"
                + body(plan, style);
    }

    private static String body(Plan plan, TextStyle style) {
        StringBuilder s = new StringBuilder(plan.summary()).append('\n');
        if (plan.changesRepository()) {
            s.append("files: ").append(String.join(", ", plan.files())).append('\n');
            for (String line : plan.diff().stripTrailing().split("\n")) {
                s.append(line.startsWith("+") && !line.startsWith("+++") ? style.green(line)
                        : line.startsWith("-") && !line.startsWith("---") ? style.red(line) : line).append('\n');
            }
        }
        return s.toString();
    }
}
