package com.sikifanso.ai;

import com.sikifanso.ops.Plan;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operator's one safety policy for a change, as the CLI's flags set it: a destructive plan (deleting a cluster,
 * agent or snapshot, restoring, upgrading) needs {@code --allow-destructive}; then {@code --yes} approves, else the
 * user is asked on a terminal; without a terminal and without {@code --yes} nothing changes.
 *
 * @param ask the question to the user at a terminal (the plan shown first), answering true for yes; empty when there
 *        is no terminal
 */
public record ApprovalPolicy(boolean yes, boolean allowDestructive, Optional<Function<Plan, Boolean>> ask)
        implements Approver {

    @Override
    public Approval decide(String toolCallId, Plan plan) {
        if (plan.safety().destructive() && !allowDestructive) {
            return Approval.refused(plan.operation() + " is destructive and the operator was started without "
                    + "--allow-destructive");
        }
        if (yes) {
            return Approval.approved();
        }
        if (ask.isEmpty()) {
            return Approval.refused("there is no terminal to ask the user and the operator was started without --yes");
        }
        return ask.get().apply(plan) ? Approval.approved() : Approval.refused("the user said no");
    }
}
