package com.sikifanso.cli;

import com.sikifanso.argocd.Applications;
import com.sikifanso.core.Table;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "status", description = {"Show the sync and health of every Argo CD Application, or of one with its resources.",
    "Each unhealthy one comes with its message."},
        footer = {"", "Examples:", "  sikifanso app status", "  sikifanso app status qdrant -o yaml"})
final class AppStatusCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "APP", completionCandidates = Candidates.EnabledApps.class,
            description = "The Application to show in detail (default: list all).")
    String app;

    @Override
    int run() {
        if (app != null) {
            Applications.AppDetail detail = services().argocd().applications().get(cluster(), app);
            out().result(detail, () -> detail(detail));
            return 0;
        }
        List<Applications.AppStatus> apps = services().argocd().applications().list(cluster());
        out().result(apps, () -> {
            if (apps.isEmpty()) {
                return "No Argo CD Applications yet. Enable an app with: sikifanso app enable NAME\n";
            }
            Table t = new Table("NAME", "SYNC", "HEALTH", "MESSAGE");
            apps.forEach(a -> t.row(a.name(), paint(a.sync(), "Synced".equals(a.sync())),
                    paint(a.health(), "Healthy".equals(a.health())), a.message()));
            return t.render();
        });
        return 0;
    }

    private String paint(String value, boolean good) {
        return good ? out().green(value) : out().yellow(value);
    }

    private String detail(Applications.AppDetail d) {
        StringBuilder s = new StringBuilder();
        s.append("Application: ").append(out().bold(d.name())).append('\n')
                .append("Sync:        ").append(paint(d.sync(), "Synced".equals(d.sync()))).append('\n')
                .append("Health:      ").append(paint(d.health(), "Healthy".equals(d.health()))).append('\n');
        if (d.revision() != null) {
            s.append("Revision:    ").append(d.revision()).append('\n');
        }
        if (d.namespace() != null) {
            s.append("Namespace:   ").append(d.namespace()).append('\n');
        }
        if (d.operationPhase() != null) {
            s.append("Operation:   ").append(d.operationPhase()).append('\n');
        }
        if (d.message() != null) {
            s.append("Message:     ").append(d.message()).append('\n');
        }
        if (d.resources().isEmpty()) {
            return s.append("\nNo resources yet.\n").toString();
        }
        Table t = new Table("KIND", "NAMESPACE", "NAME", "STATUS", "HEALTH");
        d.resources().forEach(r -> t.row(r.kind(), r.namespace(), r.name(), r.status(),
                r.health() == null ? "" : paint(r.health(), r.healthy())));
        s.append('\n').append(t.render());
        d.resources().stream().filter(r -> !r.healthy()).forEach(r -> s.append(out().red("✗ ")).append(r.kind())
                .append(' ').append(r.name()).append(": ").append(r.health())
                .append(r.message() == null ? "" : " - " + r.message()).append('\n'));
        return s.toString();
    }
}
