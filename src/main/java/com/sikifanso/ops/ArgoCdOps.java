package com.sikifanso.ops;

import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.CommitId;
import com.sikifanso.argocd.AppDiffs;
import com.sikifanso.argocd.AppHistory;
import com.sikifanso.argocd.AppLogs;
import com.sikifanso.argocd.Applications;
import com.sikifanso.argocd.Projects;
import com.sikifanso.gitops.SyncTarget;
import com.sikifanso.catalog.SourceNames;
import com.sikifanso.catalog.SyncTargets;
import com.sikifanso.core.GoDurations;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Table;
import com.sikifanso.core.TextStyle;
import com.sikifanso.kube.OutputBudget;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What Argo CD does with the GitOps repo: status, sync, diff, logs, and history with rollback. */
public final class ArgoCdOps {
    static final int DEFAULT_LOG_LINES = 200;
    static final int MAX_LOG_LINES = 2000;
    static final int MAX_LOG_BYTES = 16 * 1024;
    /** With grep, how far back each container is searched. */
    static final int GREP_SCAN_LINES = 20_000;

    private ArgoCdOps() {
    }

    public record AppRef(@Param(Param.CLUSTER) String cluster,
                  @Param("Name of the Argo CD Application (catalog app, custom app or agent)") String name)
            implements ClusterScoped {
    }

    /** @param timeoutSeconds 0: as long as the caller waits (the CLI's --timeout) */
    public record SyncInput(@Param(Param.CLUSTER) String cluster,
                     @Param(value = "Application to sync; leave out to sync all", optional = true) String name,
                     @Wait("Wait until the apps are Synced and Healthy, reporting progress") boolean waitForSync,
                     @Param(value = "How long to wait, in seconds", defaultValue = "300") int timeoutSeconds)
            implements ClusterScoped, WaitInput {
    }

    public record RollbackInput(@Param(Param.CLUSTER) String cluster,
                         @Param("Name of the app or agent") String name,
                         @Param(value = "Commit (4+ characters) from app_history to restore; "
                                 + "default: the one before the last change", optional = true) String revision,
                         @Wait boolean waitForSync) implements ClusterScoped, WaitInput {
    }

    public record LogsInput(@Param(Param.CLUSTER) String cluster,
                     @Param("Name of the Argo CD Application") String name,
                     @Param(value = "Only this container", optional = true) String container,
                     @Param(value = "Most lines to return, the newest", defaultValue = "" + DEFAULT_LOG_LINES,
                             max = MAX_LOG_LINES) int lines,
                     @Param(value = "Only lines newer than this, e.g. 10m or 1h", optional = true) String since,
                     @Param(value = "Only lines matching this regular expression", optional = true) String grep)
            implements ClusterScoped {
    }

    public record AppList(List<Applications.AppStatus> apps) {
    }

    record ProjectRef(@Param(Param.CLUSTER) String cluster,
                      @Param("Name of the Argo CD project, e.g. default") String name) implements ClusterScoped {
    }

    record ProjectList(List<Projects.Project> projects) {
    }

    public record SyncResult(List<String> requested, List<String> alreadySyncing, boolean waited) {
    }

    public record History(String app, List<AppHistory.Revision> revisions) {
    }

    public record Logs(String app, List<String> lines, int matched, boolean truncated, String note) {
    }

    public static final Operation<ClusterOps.ClusterRef, AppList> APPS = Operation.of("argocd_apps",
                    "List the cluster's Argo CD Applications with sync and health status.",
                    Toolset.argocd, Safety.READ, ClusterOps.ClusterRef.class, AppList.class,
                    (in, ctx) -> new AppList(ctx.services().argocd().applications().list(in.clusterName())),
                    ArgoCdOps::listText);

    public static final Operation<AppRef, Applications.AppDetail> STATUS = Operation.of("app_status",
                    "Show one Argo CD Application: sync, health, revision and its resource tree with each unhealthy "
                            + "resource's message.",
                    Toolset.argocd, Safety.READ, AppRef.class, Applications.AppDetail.class,
                    (in, ctx) -> ctx.services().argocd().applications().get(in.clusterName(), in.name()),
                    ArgoCdOps::detailText);

    public static final Operation<SyncInput, SyncResult> SYNC = Operation.of("app_sync",
                    "Ask Argo CD to sync one Application (or all) to the GitOps repo's HEAD, pruning what the repo no "
                            + "longer has; optionally wait until Synced and Healthy.",
                    // Destructive: pruning deletes live objects. No question first: the deletion was decided by
                    // the commit that removed them, and syncing to HEAD is what the repo already says.
                    Toolset.argocd, Safety.DESTRUCTIVE, SyncInput.class, SyncResult.class, ArgoCdOps::sync,
                    out -> (out.requested().isEmpty() ? ""
                            : "sync requested: " + String.join(", ", out.requested()) + "\n")
                            + (out.alreadySyncing().isEmpty() ? ""
                            : "already syncing: " + String.join(", ", out.alreadySyncing()) + "\n"))
            .confirmWhen(in -> Optional.empty());

    public static final Operation<AppRef, AppDiffs.AppDiff> DIFF = Operation.of("app_diff",
                    "Show what Argo CD would change for an Application: a unified diff, per resource, between the live "
                            + "objects and the GitOps repo's (normalised YAML).",
                    Toolset.argocd, Safety.READ, AppRef.class, AppDiffs.AppDiff.class,
                    (in, ctx) -> ctx.services().argocd().diffs().diff(in.clusterName(), in.name()),
                    ArgoCdOps::diffText);

    public static final Operation<LogsInput, Logs> LOGS = Operation.of("app_logs",
                    "Read the recent logs of an Application's pods, each line prefixed pod/container; capped at "
                            + DEFAULT_LOG_LINES + " lines (lines raises it) and " + MAX_LOG_BYTES / 1024 + " KB, "
                            + "narrowed with since and grep.",
                    Toolset.argocd, Safety.READ, LogsInput.class, Logs.class, ArgoCdOps::logs,
                    out -> (out.lines().isEmpty() ? "(no log lines)" : String.join("\n", out.lines()))
                            + (out.note() == null ? "" : "\n[" + out.note() + "]"));

    public static final Operation<AppRef, History> HISTORY = Operation.of("app_history",
                    "List the commits that changed an app's or agent's files in the GitOps repo, newest first: the "
                            + "revisions app_rollback can restore.",
                    Toolset.argocd, Safety.READ, AppRef.class, History.class,
                    (in, ctx) -> new History(in.name(), ctx.services().argocd().history().history(in.clusterName(),
                            in.name())),
                    ArgoCdOps::historyText);

    public static final Operation<RollbackInput, AppHistory.Rollback> ROLLBACK = Operation.of("app_rollback",
                    "Roll an app or agent back: its files as they were at an earlier revision (default: before its "
                            + "last change), in one new commit Argo CD applies. Asks the user first.",
                    Toolset.argocd, Safety.DESTRUCTIVE_REPEATING, RollbackInput.class, AppHistory.Rollback.class,
                    ArgoCdOps::rollback,
                    ArgoCdOps::rollbackText)
            .confirmWhen(in -> Optional.of("Roll \"" + in.name() + "\" in cluster \"" + in.cluster()
                    + "\" back to " + (in.revision() == null ? "the revision before its last change"
                            : "revision " + in.revision())
                    + "? Its files are rewritten in a new commit and Argo CD applies it."));

    static List<Operation<?, ?>> all() {
        return List.of(
                Operation.of("argocd_projects_list", "List the cluster's Argo CD projects with their allowed source "
                                + "repos and destinations.",
                        Toolset.argocd, Safety.READ, ClusterOps.ClusterRef.class, ProjectList.class,
                        (in, ctx) -> new ProjectList(ctx.services().argocd().projects().list(in.clusterName())),
                        out -> {
                            Table t = new Table("NAME", "SOURCE REPOS", "DESTINATIONS");
                            out.projects().forEach(p -> t.row(p.name(), String.join(",", p.sourceRepos()),
                                    String.join(",", p.destinations())));
                            return t.render();
                        }),
                Operation.of("argocd_project_detail", "Show one Argo CD project: description, source repos and "
                                + "destinations.",
                        Toolset.argocd, Safety.READ, ProjectRef.class, Projects.Project.class,
                        (in, ctx) -> ctx.services().argocd().projects().get(in.clusterName(), in.name()),
                        p -> "Project " + p.name() + (p.description() == null ? "" : ": " + p.description())
                                + "\nSource repos: " + String.join(", ", p.sourceRepos())
                                + "\nDestinations: " + String.join(", ", p.destinations())),
                APPS, STATUS, SYNC, DIFF, LOGS, HISTORY, ROLLBACK);
    }

    /**
     * A sync makes no commit, so there is no {@link com.sikifanso.gitops.PendingSync}: the handler waits itself, as
     * long as its input says, else as long as the caller waits (the CLI's --timeout).
     */
    private static SyncResult sync(SyncInput in, OperationContext ctx) {
        Applications.SyncRequest request = ctx.services().argocd().applications().sync(in.clusterName(),
                Optional.ofNullable(in.name()));
        if (!in.waitForSync()) {
            return shown(request, false);
        }
        List<String> all = request.all();
        SyncTarget target = SyncTargets.catalogAppsSync(ctx.services().apps().catalog(in.clusterName()), all);
        boolean ownTimeout = in.timeoutSeconds() > 0;
        Duration timeout = ownTimeout ? Duration.ofSeconds(in.timeoutSeconds()) : ctx.waitPolicy().timeout();
        ctx.services().convergence().await(in.clusterName(), target, timeout, ctx.progress())
                .requireConverged(ownTimeout ? "timeoutSeconds" : ctx.waitPolicy().longerHint());
        ctx.progress().accept(all.size() == 1 ? SourceNames.shown(all.get(0)) + " is Synced and Healthy"
                : "all " + all.size() + " apps are Synced and Healthy");
        return shown(request, true);
    }

    /** The Applications as the user names them: a catalog source's entry is SOURCE/app, not SOURCE--app. */
    private static SyncResult shown(Applications.SyncRequest request, boolean waited) {
        return new SyncResult(request.requested().stream().map(SourceNames::shown).toList(),
                request.alreadySyncing().stream().map(SourceNames::shown).toList(), waited);
    }

    /** Commits the rollback, then asks Argo CD to apply it now; the wait for it is the result's pending sync. */
    private static AppHistory.Rollback rollback(RollbackInput in, OperationContext ctx) {
        AppHistory.Rollback r = ctx.services().argocd().history().rollback(in.clusterName(), in.name(),
                Optional.ofNullable(in.revision()));
        if (r.commit() != null && r.present()) {
            askToSync(ctx, in.cluster(), in.name());
        }
        return r;
    }

    /** After a commit to a catalog app (whose automated sync RollingSync turns off): ask Argo CD to sync it now. */
    static void askToSync(OperationContext ctx, String cluster, String app) {
        try {
            ctx.services().argocd().applications().syncIfPresent(ClusterName.of(cluster), app);
        } catch (SikifansoException e) {
            // The commit stands; Argo CD applies it at its next poll of the repo.
            ctx.progress().note(Hint.of("warning: committed, but could not ask Argo CD to sync " + app + " now: ",
                    e.problem()));
        }
    }

    private static Logs logs(LogsInput in, OperationContext ctx) {
        if (in.lines() < 1 || in.lines() > MAX_LOG_LINES) {
            throw new InvalidArguments("lines must be between 1 and " + MAX_LOG_LINES);
        }
        Duration since = LogWindow.since(in.since());
        Pattern grep;
        try {
            grep = in.grep() == null ? null : Pattern.compile(in.grep());
        } catch (PatternSyntaxException e) {
            throw new InvalidArguments("grep is not a valid regular expression: " + e.getDescription());
        }
        AppLogs.Request request = new AppLogs.Request(in.container(), since,
                grep == null ? in.lines() : GREP_SCAN_LINES);
        OutputBudget.Kept kept = ctx.services().argocd().logs().excerpt(in.clusterName(), in.name(), request, grep,
                new OutputBudget(in.lines(), MAX_LOG_BYTES), "for more, raise lines, or narrow with since or grep");
        return new Logs(in.name(), kept.lines(), kept.total(), kept.truncated(), kept.note());
    }

    private static String listText(AppList list, TextStyle style) {
        if (list.apps().isEmpty()) {
            return style.hint("No Argo CD Applications yet. Enable an app with: ",
                    Suggestion.of("app", "enable").arg("names", "NAME"), "\n");
        }
        Table t = new Table("NAME", "SYNC", "HEALTH", "MESSAGE");
        list.apps().forEach(a -> t.row(SourceNames.shown(a.name()), paint(style, a.sync(), "Synced".equals(a.sync())),
                paint(style, a.health(), "Healthy".equals(a.health())), a.message()));
        return t.render();
    }

    private static String paint(TextStyle style, String value, boolean good) {
        return good ? style.green(value) : style.yellow(value);
    }

    static String detailText(Applications.AppDetail d, TextStyle style) {
        StringBuilder s = new StringBuilder();
        s.append("Application: ").append(style.bold(SourceNames.shown(d.name()))).append('\n')
                .append("Sync:        ").append(paint(style, d.sync(), "Synced".equals(d.sync()))).append('\n')
                .append("Health:      ").append(paint(style, d.health(), "Healthy".equals(d.health()))).append('\n');
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
                r.health() == null ? "" : paint(style, r.health(), r.healthy())));
        s.append('\n').append(t.render());
        d.resources().stream().filter(r -> !r.healthy()).forEach(r -> s.append(style.red("✗ ")).append(r.kind())
                .append(' ').append(r.name()).append(": ").append(r.health())
                .append(r.message() == null ? "" : " - " + r.message()).append('\n'));
        return s.toString();
    }

    private static String diffText(AppDiffs.AppDiff diff, TextStyle style) {
        StringBuilder s = new StringBuilder();
        diff.text().lines().forEach(line -> s.append(line.startsWith("+++") || line.startsWith("---")
                ? style.bold(line) : line.startsWith("+") ? style.green(line) : line.startsWith("-") ? style.red(line)
                : line.startsWith("@@") ? style.yellow(line) : line).append('\n'));
        return s.toString();
    }

    /**
     * Dates in the user's zone, as git log shows them. The zone is looked up when a history is shown, not when the
     * class loads: a region's rules come through a ServiceLoader that opens every jar in lib/, which every
     * {@code mcp serve} start paid for before its first answer.
     */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static String historyText(History h, TextStyle style) {
        Table t = new Table("REVISION", "DATE", "MESSAGE");
        h.revisions().forEach(r -> t.row(style.yellow(r.shortRevision()), DATE.withZone(ZoneId.systemDefault()).format(r.date()), r.message()));
        return t.render();
    }

    static String rollbackText(AppHistory.Rollback r, TextStyle style) {
        String to = CommitId.shortOf(r.to());
        return r.commit() == null ? r.app() + " is already as at " + to + "; nothing to commit.\n"
                : "rolled back: " + style.bold(r.app()) + " to " + to + " (commit " + CommitId.shortOf(r.commit())
                        + ")\n" + (r.present() ? "" : "at " + to + " " + r.app() + " is not deployed: Argo CD "
                        + "removes it\n");
    }
}
