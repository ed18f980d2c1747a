package com.sikifanso.cli;

import com.sikifanso.ops.SnapshotOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Delete a snapshot archive.")
final class SnapshotDeleteCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Candidates.Snapshots.class,
            description = "The snapshot to delete.")
    String name;

    @Mixin
    Confirmation confirmation;

    @Override
    int run() {
        confirmation.require(root().terminal(), () -> "Delete snapshot " + name + "? This cannot be undone.",
                "not deleted");
        perform(SnapshotOps.DELETE, new SnapshotOps.SnapshotRef(name));
        return 0;
    }
}
