package com.sikifanso.ops;

import com.sikifanso.argocd.RunUndo;
import com.sikifanso.core.CommitId;
import com.sikifanso.core.TextStyle;
import com.sikifanso.gitops.SyncTarget;
import java.util.List;
import java.util.Optional;

/** Runs as a whole: every commit an invocation makes carries its run id, so a run can be undone in one commit. */
public final class RunOps {
    private RunOps() {
    }

    public record UndoInput(@Param(Param.CLUSTER) String cluster,
                            @Param(value = "Run id to undo; default: the newest AI operator run with commits",
                                    optional = true) String run,
                            @Wait boolean waitForSync) implements ClusterScoped, WaitInput {
    }

    /**
     * DESTRUCTIVE_REPEATING: undoing removes what the run brought in (an agent's namespace, an app and its data), and
     * a second call without {@code run} undoes the next older run, as a second rollback steps back again; the undo is
     * itself a run's commit, so it can be undone in turn.
     */
    public static final Operation<UndoInput, RunUndo.Undone> UNDO = Operation.of("run_undo",
                    "Revert all commits of one run (default: the AI operator's newest) in one new commit that Argo CD "
                            + "applies. Refused when later commits changed the same files.",
                    Toolset.argocd, Safety.DESTRUCTIVE_REPEATING, UndoInput.class, RunUndo.Undone.class,
                    RunOps::undo, RunOps::undoneText)
            .confirmWhen(in -> Optional.of("Undo " + (in.run() == null ? "the AI operator's newest run"
                    : "run " + in.run()) + " in cluster \"" + in.cluster() + "\"? Its commits are reverted in one "
                    + "new commit and Argo CD applies it."))
            .cliOnly("undoing a run is the user's review of what an agent did (sikifanso ai undo), not an agent's "
                    + "own tool");

    static List<Operation<?, ?>> all() {
        return List.of(UNDO);
    }

    private static RunUndo.Undone undo(UndoInput in, OperationContext ctx) {
        RunUndo.Undone undone = ctx.services().argocd().runs().undo(in.clusterName(),
                Optional.ofNullable(in.run()));
        // The catalog's apps sync only when asked (RollingSync), as after a rollback.
        undone.pendingSync().ifPresent(p -> p.targets().stream()
                .filter(t -> t.kind() == SyncTarget.Kind.SYNC)
                .flatMap(t -> t.apps().stream())
                .forEach(app -> ArgoCdOps.askToSync(ctx, in.cluster(), app.name())));
        return undone;
    }

    static String undoneText(RunUndo.Undone u, TextStyle style) {
        StringBuilder s = new StringBuilder("undid run ").append(style.bold(u.run())).append(" in commit ")
                .append(CommitId.shortOf(u.commit())).append(", reverting:\n");
        u.reverted().forEach(r -> s.append("  ").append(style.yellow(r.commit())).append(' ').append(r.subject())
                .append('\n'));
        return s.toString();
    }
}
