package com.sikifanso.ops;

/**
 * What a program surface answers when an operation needs the user's consent ({@link Operation#confirmationFor}) and
 * the call did not bring it: one wording for MCP and the AG-UI server, so a refusal reads the same everywhere.
 */
public final class ConsentRefusal {
    private ConsentRefusal() {
    }

    /** {@code why}: why consent is missing; {@code fix}: how to go ahead. */
    public static String of(Operation<?, ?> operation, String why, String fix) {
        return operation.name() + " refused: it needs the user's confirmation and " + why + ". Nothing was changed. "
                + fix;
    }
}
