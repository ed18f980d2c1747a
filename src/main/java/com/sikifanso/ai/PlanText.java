package com.sikifanso.ai;

import com.sikifanso.ops.Plan;

/** A plan as the user reads it before saying yes: what would run, how risky it is, and the diff it would commit. */
public final class PlanText {
    private PlanText() {
    }

    public static String render(Plan plan) {
        StringBuilder text = new StringBuilder("Plan: ").append(plan.summary()).append('\n')
                .append("  ").append(plan.safety().destructive() ? "destructive" : "changes the cluster");
        if (plan.changesRepository()) {
            text.append("; commits ").append(String.join(", ", plan.files()));
        }
        text.append('\n');
        if (!plan.diff().isBlank()) {
            text.append(plan.diff().endsWith("\n") ? plan.diff() : plan.diff() + "\n");
        }
        return text.toString();
    }
}
