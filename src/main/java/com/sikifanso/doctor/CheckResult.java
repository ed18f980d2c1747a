package com.sikifanso.doctor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.sikifanso.core.Hint;

/**
 * One row of the doctor's report: what was checked, how it came out, what was seen, and for a
 * warning or failure why ({@code cause}) and the command that fixes it ({@code fix}). Both are {@link Hint}s, so
 * the commands they name read as the CLI's words in a terminal and {@code -o json}, and as tools over MCP.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "status", "message", "cause", "fix"})
public record CheckResult(String name, Verdict status, String message, Hint cause, Hint fix) {

    public static CheckResult pass(String name, String message) {
        return new CheckResult(name, Verdict.PASS, message, null, null);
    }

    /** A fix in plain words (one that names no sikifanso command), or null. */
    public static CheckResult warn(String name, String message, String cause, String fix) {
        return warn(name, message, cause, Hint.text(fix));
    }

    public static CheckResult warn(String name, String message, String cause, Hint fix) {
        return warn(name, message, Hint.text(cause), fix);
    }

    /** A cause that names a command too. */
    public static CheckResult warn(String name, String message, Hint cause, Hint fix) {
        return new CheckResult(name, Verdict.WARN, message, cause, fix);
    }

    /** A fix in plain words (one that names no sikifanso command), or null. */
    public static CheckResult fail(String name, String message, String cause, String fix) {
        return fail(name, message, cause, Hint.text(fix));
    }

    public static CheckResult fail(String name, String message, String cause, Hint fix) {
        return fail(name, message, Hint.text(cause), fix);
    }

    /** A cause that names a command too. */
    public static CheckResult fail(String name, String message, Hint cause, Hint fix) {
        return new CheckResult(name, Verdict.FAIL, message, cause, fix);
    }

    public boolean failed() {
        return status == Verdict.FAIL;
    }
}
