package com.sikifanso.ai;

import com.sikifanso.kube.OutputBudget;
import com.sikifanso.kube.Redactor;
import java.util.List;

/**
 * What a tool result becomes before the model reads it: the operation's plain text (the same text MCP returns as
 * its text content), every line masked by {@link Redactor} as MCP's log and event excerpts are, and kept within a
 * token budget by {@link OutputBudget} with a note saying what was left out, so a model never reads a secret and
 * one answer cannot fill its context.
 */
public record ToolOutput(String text, boolean error, com.sikifanso.ops.Plan awaitingApproval) {
    /** About 6k tokens: a doctor report or a capped log excerpt fits whole; a huge list is cut with a note. */
    static final OutputBudget BUDGET = new OutputBudget(400, 24 * 1024);

    public static ToolOutput ok(String text) {
        return new ToolOutput(shape(text), false, null);
    }

    public static ToolOutput failed(String text) {
        return new ToolOutput(shape(text), true, null);
    }

    /** No result yet: the change waits for the user's answer to {@code plan}, asked through the client. */
    public static ToolOutput awaiting(com.sikifanso.ops.Plan plan) {
        return new ToolOutput("", false, plan);
    }

    static String shape(String text) {
        String masked = Redactor.mask(text == null ? "" : text);
        OutputBudget.Kept kept = BUDGET.keepLast(List.of(masked.split("\n", -1)),
                "ask a narrower question (a name, lines, since or grep)");
        String body = String.join("\n", kept.lines());
        return kept.truncated() ? "[" + kept.note() + "]\n" + body : body;
    }
}
