package com.sikifanso.ops;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.CommitId;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.sikifanso.catalog.AppService;
import com.sikifanso.catalog.ChartAvailability;
import com.sikifanso.catalog.CustomApp;
import com.sikifanso.core.Table;
import com.sikifanso.core.TextStyle;
import com.sikifanso.credentials.AppCredentials;
import com.sikifanso.credentials.CredentialText;
import com.sikifanso.gitops.PendingSync;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Catalog apps and custom apps. */
public final class CatalogOps {
    private CatalogOps() {
    }

    public record CatalogListInput(@Param(Param.CLUSTER) String cluster,
                            @Param(value = "Only apps that are enabled (and custom apps)", defaultValue = "false")
                            boolean enabledOnly) implements ClusterScoped {
    }

    public record EnableInput(@Param(Param.CLUSTER) String cluster,
                              @Param("Catalog apps to enable, e.g. [\"qdrant\"] (see catalog_list)") List<String> names,
                              @Wait boolean waitForSync) implements ClusterScoped, WaitInput {
    }

    public record AppChange(@Param(Param.CLUSTER) String cluster, @Param("Name of the app") String name,
                     @Wait boolean waitForSync)
            implements ClusterScoped, WaitInput {
    }

    public record DisableInput(@Param(Param.CLUSTER) String cluster, @Param("Name of the catalog app") String name,
                        @Param(value = "Disable even though enabled apps depend on it (they may break)",
                                defaultValue = "false") boolean force,
                        @Wait boolean waitForSync)
            implements ClusterScoped, WaitInput {
    }

    public record ChangeInput(@Param(Param.CLUSTER) String cluster,
                              @Param("Catalog apps to enable (with what they depend on)") List<String> enable,
                              @Param("Catalog apps to disable; refused while an app left enabled depends on one")
                              List<String> disable,
                              @Wait boolean waitForSync) implements ClusterScoped, WaitInput {
    }

    /**
     * @param verify ask the repository now whether the chart and version exist (the CLI's --verify)
     * @param valuesFile the CLI's --values: read by the service so its errors name the file; never an MCP
     *        argument (a model has no business naming files on the user's disk), so left out of the schema
     */
    public record AppAddInput(@Param(Param.CLUSTER) String cluster,
                       @Param("Name for the app (a DNS-1123 label)") String name,
                       @Param("Helm repository (https://...) or OCI registry (oci://...) URL") String repoUrl,
                       @Param("Chart name in that repository") String chart,
                       @Param("Chart version, or * for the latest") String version,
                       @Param(value = "Namespace to deploy into; defaults to the app name", optional = true)
                       String namespace,
                       @Param(value = "Helm values as YAML text", optional = true) String values,
                       @Param(value = "Ask the repository now whether the chart and version exist, before the commit",
                               defaultValue = "false") boolean verify,
                       @Wait boolean waitForSync,
                       @JsonIgnore Path valuesFile) implements ClusterScoped, WaitInput {
        /** As a program calls it: values as text, no file. */
        public AppAddInput(String cluster, String name, String repoUrl, String chart, String version, String namespace,
                           String values, boolean verify, boolean waitForSync) {
            this(cluster, name, repoUrl, chart, version, namespace, values, verify, waitForSync, null);
        }
    }

    public record CatalogList(List<AppService.AppRow> apps) {
    }

    public record CredentialsInput(@Param(Param.CLUSTER) String cluster,
                            @Param("Name of the catalog app") String name) implements ClusterScoped {
    }

    /** @param pendingSync the app must be gone from Argo CD */
    public record AppRemoved(String removed, String commit,
                             @JsonIgnore Optional<PendingSync> pendingSync) implements PendingSync.Carrier {
    }

    public static final Operation<EnableInput, AppService.ToggleResult> ENABLE = Operation.of("catalog_enable",
                    "Enable catalog apps and, transitively, the apps they depend on, in one commit; Argo CD then "
                            + "deploys them.",
                    Toolset.catalog, Safety.CHANGE, EnableInput.class, AppService.ToggleResult.class,
                    (in, ctx) -> ctx.services().apps().enable(in.clusterName(), in.names()),
                    CatalogOps::enabledText);

    public static final Operation<DisableInput, AppService.ToggleResult> DISABLE = Operation.of("catalog_disable",
                    "Disable a catalog app in one commit; Argo CD removes it. Refused while enabled apps depend on "
                            + "it unless force is true (which asks the user).",
                    Toolset.catalog, Safety.DESTRUCTIVE, DisableInput.class, AppService.ToggleResult.class,
                    (in, ctx) -> ctx.services().apps().disable(in.clusterName(), in.name(), in.force()),
                    CatalogOps::disabledText)
            .confirmWhen(in -> in.force() ? Optional.of("Force-disable " + in.name() + " although "
                    + "enabled apps may depend on it?") : Optional.empty());

    public static final Operation<ChangeInput, AppService.ChangeResult> CHANGE = Operation.of("catalog_change",
                    "Enable and disable several catalog apps in one commit; waits only for what was enabled.",
                    Toolset.catalog, Safety.DESTRUCTIVE, ChangeInput.class, AppService.ChangeResult.class,
                    (in, ctx) -> ctx.services().apps().change(in.clusterName(), in.enable(), in.disable()),
                    CatalogOps::changedText)
            .confirmWhen(in -> in.disable().isEmpty() ? Optional.empty() : Optional.of("Disable "
                    + String.join(", ", in.disable()) + " in cluster \"" + in.cluster() + "\"? Argo CD removes them."))
            .cliOnly("the catalog browser's staged changes, confirmed on its screen; agents have catalog_enable "
                    + "and catalog_disable");

    public static final Operation<CatalogListInput, CatalogList> LIST = Operation.of("catalog_list",
                    "List the catalog's apps with category, chart, version, namespace and whether each is enabled, "
                            + "plus custom apps.",
                    Toolset.catalog, Safety.READ, CatalogListInput.class, CatalogList.class,
                    (in, ctx) -> new CatalogList(ctx.services().apps().list(in.clusterName(), !in.enabledOnly())),
                    CatalogOps::listText);

    public static final Operation<CredentialsInput, AppCredentials.Shown> CREDENTIALS = Operation.of(
                    "app_credentials", "Show a catalog app's generated credentials (passwords, keys) in this cluster. "
                            + "Returns secret values, so the MCP server never offers it.",
                    Toolset.catalog, Safety.READ, CredentialsInput.class, AppCredentials.Shown.class,
                    (in, ctx) -> ctx.services().credentials().show(in.clusterName(), in.name()),
                    CredentialText::shown)
            .revealingSecrets();

    public static final Operation<AppChange, AppCredentials.Rotation> ROTATE_CREDENTIALS = Operation.of(
                    "app_rotate_credentials", "Replace a catalog app's generated credentials (keeping those bound to "
                            + "stored data) in its Secrets and its consumers' copies, and restart them. Returns no "
                            + "secret values.",
                    Toolset.catalog, Safety.DESTRUCTIVE, AppChange.class, AppCredentials.Rotation.class,
                    CatalogOps::rotate,
                    CredentialText::rotation)
            .confirmWhen(in -> Optional.of("Rotate the credentials of " + in.name() + " in cluster \""
                    + in.cluster() + "\"? Its workloads and those using its credentials restart."));

    public static final Operation<AppAddInput, AppService.AddResult> ADD = Operation.of("app_add",
                    "Deploy a Helm chart that is not in the catalog (catalog_list first; catalog_enable for those that "
                            + "are), in one commit. repoUrl is a Helm repository (https://HOST/PATH) or an OCI registry "
                            + "(oci://HOST/PATH), checked before the commit; Argo CD then fetches the chart.",
                    Toolset.catalog, Safety.CREATE_OPEN_WORLD, AppAddInput.class,
                    AppService.AddResult.class, CatalogOps::add, CatalogOps::addedText);

    public static final Operation<AppChange, AppRemoved> REMOVE = Operation.of("app_remove",
                    "Remove a custom app in one commit; Argo CD deletes what it deployed.",
                    Toolset.catalog, Safety.DESTRUCTIVE, AppChange.class, AppRemoved.class,
                    (in, ctx) -> {
                        PendingSync removal = ctx.services().apps().remove(in.clusterName(), in.name());
                        return new AppRemoved(in.name(), removal.commit().value(), Optional.of(removal));
                    },
                    out -> "removed: " + out.removed() + " (commit " + CommitId.shortOf(out.commit()) + ")\n")
            .confirmWhen(in -> Optional.of("Remove custom app \"" + in.name() + "\" from cluster \""
                    + in.cluster() + "\"? Argo CD deletes what it deployed."));

    static List<Operation<?, ?>> all() {
        return List.of(LIST, ENABLE, DISABLE, CHANGE, CREDENTIALS, ROTATE_CREDENTIALS, ADD, REMOVE);
    }

    /** The rotation's restarts are no Argo CD sync, so they are waited for here, as long as the caller waits. */
    private static AppCredentials.Rotation rotate(AppChange in, OperationContext ctx) {
        AppCredentials.Rotation r = ctx.services().credentials().rotate(in.clusterName(), in.name());
        if (in.waitForSync()) {
            ctx.services().credentials().awaitRestarted(in.clusterName(), r.rotated(), ctx.waitPolicy().timeout(),
                    ctx.progress());
        }
        return r;
    }

    private static AppService.AddResult add(AppAddInput in, OperationContext ctx) {
        CustomApp app = new CustomApp(in.name(), in.repoUrl(), in.chart(), in.version(),
                in.namespace() == null ? in.name() : in.namespace());
        if (in.verify()) {
            ctx.progress().accept(new ChartAvailability().check(app));
        }
        return in.valuesFile() != null ? ctx.services().apps().add(in.clusterName(), app, in.valuesFile())
                : ctx.services().apps().addWithValues(in.clusterName(), app, in.values());
    }

    static String addedText(AppService.AddResult r) {
        CustomApp app = r.app();
        return "added: " + app.name() + " (" + app.chart() + " " + app.targetRevision() + " into namespace "
                + app.namespace() + ", commit " + CommitId.shortOf(r.commit()) + ")\n";
    }

    static String enabledText(AppService.ToggleResult r, TextStyle style) {
        if (r.commit().isEmpty()) {
            return String.join(", ", r.requested()) + (r.requested().size() == 1 ? " is" : " are")
                    + " already enabled.\n";
        }
        StringBuilder s = new StringBuilder();
        if (!r.autoEnabled().isEmpty()) {
            s.append("auto-enabled dependencies: ").append(String.join(", ", r.autoEnabled())).append('\n');
        }
        s.append("enabled: ").append(style.green(String.join(", ", r.changed())))
                .append(" (commit ").append(CommitId.shortOf(r.commit().get())).append(")\n");
        return s.toString();
    }

    static String disabledText(AppService.ToggleResult r, TextStyle style) {
        if (r.commit().isEmpty()) {
            return r.requested().get(0) + " is already disabled.\n";
        }
        return "disabled: " + style.bold(r.changed().get(0)) + " (commit " + CommitId.shortOf(r.commit().get())
                + ")\n";
    }

    static String changedText(AppService.ChangeResult r, TextStyle style) {
        if (r.commit().isEmpty()) {
            return "No change: the catalog already is as staged.\n";
        }
        StringBuilder s = new StringBuilder();
        if (!r.autoEnabled().isEmpty()) {
            s.append("auto-enabled dependencies: ").append(String.join(", ", r.autoEnabled())).append('\n');
        }
        if (!r.enabled().isEmpty()) {
            s.append("enabled: ").append(style.green(String.join(", ", r.enabled()))).append('\n');
        }
        if (!r.disabled().isEmpty()) {
            s.append("disabled: ").append(style.bold(String.join(", ", r.disabled()))).append('\n');
        }
        return s.append("committed: ").append(CommitId.shortOf(r.commit().get())).append('\n').toString();
    }

    private static String listText(CatalogList list, TextStyle style) {
        if (list.apps().isEmpty()) {
            return style.hint("No apps enabled. See the catalog with: ",
                    Suggestion.of("app", "list").flag("all", "enabledOnly", false), "\n");
        }
        Table t = new Table("NAME", "CATEGORY", "CHART", "VERSION", "NAMESPACE", "SOURCE", "ENABLED");
        list.apps().forEach(a -> t.row(a.name(), a.category(), a.chart(), a.version(), a.namespace(), a.source(),
                a.enabled() ? style.green("true") : "false"));
        return t.render();
    }
}
