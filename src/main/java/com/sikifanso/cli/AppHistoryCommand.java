package com.sikifanso.cli;

import com.sikifanso.argocd.AppHistory;
import com.sikifanso.core.Table;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "history", description = {"Show the commits that changed an app's or agent's files in the GitOps repo.",
    "These are the revisions app rollback can restore."},
        footer = {"", "Examples:", "  sikifanso app history qdrant"})
final class AppHistoryCommand extends BaseCommand {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Parameters(index = "0", paramLabel = "APP", completionCandidates = Candidates.CatalogApps.class,
            description = "The app or agent.")
    String app;

    @Override
    int run() {
        List<AppHistory.Revision> revisions = services().argocd().history().history(cluster(), app);
        out().result(revisions, () -> {
            Table t = new Table("REVISION", "DATE", "MESSAGE");
            revisions.forEach(r -> t.row(out().yellow(r.shortRevision()), DATE.format(r.date()), r.message()));
            return t.render();
        });
        return 0;
    }
}
