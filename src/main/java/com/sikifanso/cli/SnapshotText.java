package com.sikifanso.cli;

import com.sikifanso.core.Table;
import com.sikifanso.snapshot.Snapshot;
import java.util.List;

/** How snapshots read in a terminal. */
final class SnapshotText {
    private SnapshotText() {
    }

    static String table(List<Snapshot> snapshots) {
        Table t = new Table("NAME", "CLUSTER", "CREATED", "VERSION", "HEAD");
        snapshots.forEach(s -> t.row(s.name(), s.cluster(), s.createdAt(), s.toolVersion(), shortHead(s.gitHead())));
        return t.render();
    }

    static String shortHead(String commit) {
        return commit == null || commit.length() < 7 ? String.valueOf(commit) : commit.substring(0, 7);
    }
}
