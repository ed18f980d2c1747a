package com.sikifanso.ai;

import com.sikifanso.ops.Plan;

/** Decides whether a mutating call the model asked for may run, given its plan. Reads never get here. */
@FunctionalInterface
public interface Approver {
    /** {@code toolCallId}: the model's id of the call the plan is for. */
    Approval decide(String toolCallId, Plan plan);
}
