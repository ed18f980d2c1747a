package com.sikifanso.cli;

import com.sikifanso.ops.RunOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "undo", description = {"Revert every commit of one run in one new commit, then wait for Argo CD.",
    "Without RUN: the AI operator's newest run that made commits and is not undone yet.",
    "Refused when a later commit changed the same files; the undo can itself be undone."},
        footer = {"", "Every commit made through sikifanso carries its run id (git log: Sikifanso-Run trailer;",
            "sikifanso events shows the runs).", "", "Examples:", "  sikifanso ai undo",
            "  sikifanso ai undo 6f0c2a1e-53d4-4c55-9a0e-1b7f3c2d9e10 --dry-run"})
final class AiUndoCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", description = "The run id to undo.")
    String run;

    @Mixin
    Confirmation confirmation;

    @Mixin
    WaitOptions wait;

    @Mixin
    DryRunOption dryRun;

    @Override
    int run() {
        RunOps.UndoInput input = new RunOps.UndoInput(cluster(), run, wait.waitForSync());
        if (!dryRun.asked()) {
            confirmation.require(root().terminal(), () -> RunOps.UNDO.confirmationFor(input).orElseThrow(),
                    "not undone");
        }
        perform(RunOps.UNDO, input, wait, dryRun);
        return 0;
    }
}
