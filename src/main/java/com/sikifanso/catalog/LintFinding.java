package com.sikifanso.catalog;

import com.sikifanso.core.Hint;

/**
 * One error {@code catalog lint} found: the file (relative to the linted directory), the field in it (empty for
 * the file as a whole), what is wrong, and how to fix it. The fix is mostly YAML to write, and where it names a
 * command (a source's entry is turned on with {@code app enable}) it reads as each surface names it: the refusal of
 * {@code catalog source add} reaches a model as a tool error.
 */
public record LintFinding(String file, String field, String problem, Hint fix) {
    public LintFinding(String file, String field, String problem, String fix) {
        this(file, field, problem, Hint.text(fix));
    }

    /** The finding on one line, its fix in the renderer's words. */
    public Hint line() {
        return Hint.of(file + (field.isEmpty() ? "" : ": " + field) + ": " + problem + " (fix: ", fix, ")");
    }

    @Override
    public String toString() {
        return line().cli();
    }
}
