package com.sikifanso.cli;

import com.sikifanso.snapshot.Snapshot;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "list", description = "List snapshots, newest first.")
final class SnapshotListCommand extends BaseCommand {
    @Override
    int run() {
        List<Snapshot> snapshots = services().snapshots().list();
        out().result(snapshots, () -> snapshots.isEmpty()
                ? "No snapshots yet. Capture one with: sikifanso snapshot capture\n" : SnapshotText.table(snapshots));
        return 0;
    }
}
