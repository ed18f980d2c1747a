package com.sikifanso.cli;

import com.sikifanso.ops.SnapshotOps;
import picocli.CommandLine.Command;

@Command(name = "list", description = "List snapshots, newest first.")
final class SnapshotListCommand extends BaseCommand {
    @Override
    int run() {
        perform(SnapshotOps.LIST, new SnapshotOps.ListInput());
        return 0;
    }
}
