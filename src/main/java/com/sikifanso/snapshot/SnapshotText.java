package com.sikifanso.snapshot;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.CommitId;
import com.sikifanso.core.Table;
import com.sikifanso.core.TextStyle;
import java.util.List;

/** How snapshots read, in a terminal and in a tool's text alike. */
public final class SnapshotText {
    private SnapshotText() {
    }

    public static String captured(SnapshotService.Captured captured, TextStyle style) {
        Snapshot s = captured.snapshot();
        return "captured snapshot " + style.bold(s.name()) + " of cluster " + s.cluster() + " at "
                + CommitId.shortOf(s.gitHead()) + (s.includesSecrets() ? ", with secrets" : "") + "\n" + s.path()
                + "\n";
    }

    public static String list(List<Snapshot> snapshots, TextStyle style) {
        return snapshots.isEmpty() ? style.hint("No snapshots yet. Capture one with: ",
                Suggestion.of("snapshot", "capture"), "\n") : table(snapshots);
    }

    public static String restored(SnapshotService.Restored r, TextStyle style) {
        if (r.commit() == null) {
            return r.recreated() ? "recreated the GitOps repo of cluster " + r.cluster() + " from snapshot "
                    + r.snapshot() + "\n"
                    : "cluster " + r.cluster() + " already holds snapshot " + r.snapshot() + "; nothing to commit\n";
        }
        return "restored snapshot " + style.bold(r.snapshot()) + " into cluster " + r.cluster() + " (commit "
                + CommitId.shortOf(r.commit()) + "); Argo CD applies it from the repo\n";
    }

    public static String deleted(String name) {
        return "deleted snapshot " + name + "\n";
    }

    private static String table(List<Snapshot> snapshots) {
        Table t = new Table("NAME", "CLUSTER", "CREATED", "VERSION", "HEAD");
        snapshots.forEach(s -> t.row(s.name(), s.cluster(), s.createdAt(), s.toolVersion(),
                CommitId.shortOf(s.gitHead())));
        return t.render();
    }
}
