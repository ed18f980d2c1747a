package com.sikifanso.ai;

/** The answer to a plan: go ahead, or not and why (the model is told why, and that nothing changed). */
public sealed interface Approval {
    record Approved() implements Approval {
    }

    record Refused(String reason) implements Approval {
    }

    /** Not decided yet: the user is asked through the client (AG-UI's human in the loop) and answers in a next run. */
    record Deferred() implements Approval {
    }

    static Approval approved() {
        return new Approved();
    }

    static Approval refused(String reason) {
        return new Refused(reason);
    }
}
