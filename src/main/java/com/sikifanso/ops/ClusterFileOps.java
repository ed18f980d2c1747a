package com.sikifanso.ops;

import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.cluster.RegistryConfig;
import com.sikifanso.clusterfile.ClusterFile;
import com.sikifanso.clusterfile.ClusterFiles;
import com.sikifanso.clusterfile.ClusterTemplates;
import com.sikifanso.clusterfile.LockFileParser;
import com.sikifanso.clusterfile.LockReplay;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Clusters as code: the cluster file a create resolves to, the file of an existing cluster, its schema, templates. */
public final class ClusterFileOps {
    private ClusterFileOps() {
    }

    /** A cluster file; its text is the YAML a person saves and edits. */
    public record ClusterFileDoc(ClusterFile file) {
    }

    public record FileSchema(JsonNode schema) {
    }

    public record TemplateList(List<ClusterTemplates.Template> templates) {
    }

    public static final Operation<ClusterOps.ClusterRef, ClusterFileDoc> CLUSTER_CONFIG = Operation.of(
            "cluster_config", "The cluster file (YAML) that re-creates a cluster: nodes, apps, agents, infra.",
            Toolset.cluster, Safety.READ, ClusterOps.ClusterRef.class, ClusterFileDoc.class,
            (in, ctx) -> new ClusterFileDoc(ctx.services().clusterFiles().describe(in.clusterName())),
            out -> ClusterFiles.yaml(out.file()))
            .cliOnly("it prints a file for a person to save and edit; cluster_info and the app and agent tools show"
                    + " the same cluster to a program");

    public static final Operation<ClusterOps.NoInput, FileSchema> CLUSTER_CONFIG_SCHEMA = Operation.of(
            "cluster_config_schema", "The JSON Schema of cluster files.", Toolset.cluster, Safety.READ,
            ClusterOps.NoInput.class, FileSchema.class, (in, ctx) -> new FileSchema(parsedSchema()),
            out -> ClusterFiles.schema())
            .cliOnly("for editors and people writing a file; cluster_create takes the same settings as arguments");

    public static final Operation<ClusterOps.ClusterCreateInput, ClusterFileDoc> CLUSTER_CREATE_DRY_RUN =
            Operation.of("cluster_create_dry_run", "The cluster file a cluster create would make, flags laid over"
                            + " the file or template; nothing is made.", Toolset.cluster, Safety.READ,
                    ClusterOps.ClusterCreateInput.class, ClusterFileDoc.class,
                    (in, ctx) -> new ClusterFileDoc(resolvedWithoutLock(in, ctx)), out -> ClusterFiles.yaml(out.file()))
            .cliOnly("cluster create --dry-run: it reads a local file (--config) and prints a file to save");

    public static final Operation<ClusterOps.NoInput, TemplateList> CLUSTER_TEMPLATES = Operation.of(
            "cluster_templates", "List the cluster templates: built-in and the user's own.", Toolset.cluster,
            Safety.READ, ClusterOps.NoInput.class, TemplateList.class,
            (in, ctx) -> new TemplateList(ctx.services().clusterTemplates().all()), ClusterFileOps::templatesText)
            .cliOnly("it lists files for a person choosing one; cluster_create's template names the built-in ones");

    static List<Operation<?, ?>> all() {
        return List.of(CLUSTER_CONFIG, CLUSTER_CONFIG_SCHEMA, CLUSTER_CREATE_DRY_RUN, CLUSTER_TEMPLATES);
    }

    /** A lock's apps are not a cluster file's: printing the file alone would leave them out. */
    private static ClusterFile resolvedWithoutLock(ClusterOps.ClusterCreateInput in, OperationContext ctx) {
        if (in.fromLock() != null) {
            throw SikifansoException.usage("--dry-run does not take --from-lock", "the lock is what the create"
                    + " makes: read it, or compare it with a cluster with cluster diff-lock");
        }
        return resolved(in, ctx);
    }

    /** The cluster a create makes: the lock, file (--config) or template, with the flags given laid over it. */
    static ClusterFile resolved(ClusterOps.ClusterCreateInput in, OperationContext ctx) {
        if (in.config() != null && in.template() != null) {
            throw SikifansoException.usage("--config and --template exclude each other",
                    "a template is a cluster file too: save it with ", Suggestion.of("cluster", "create")
                            .option("template", in.template()).cliFlag("dry-run"), " > cluster.yaml, edit it, then use ",
                    Suggestion.of("cluster", "create").cliOption("config", "cluster.yaml").mention());
        }
        if (in.fromLock() != null && (in.config() != null || in.template() != null || in.fromSnapshot() != null)) {
            throw SikifansoException.usage("--from-lock excludes --config, --template and --from-snapshot",
                    "a lock says the whole cluster: give it alone (with a name, and node flags if you like)");
        }
        ClusterFile base = in.fromLock() != null
                ? LockReplay.clusterFile(LockFileParser.read(in.fromLock()), in.fromLock().toString())
                : in.config() != null ? ClusterFiles.read(in.config())
                : in.template() != null ? ctx.services().clusterTemplates().load(in.template()) : ClusterFile.empty();
        String registries = in.registryConfig() == null ? null : RegistryConfig.read(in.registryConfig());
        Integer registryPort = in.registryCreate() == null || in.registryCreate() == 0 ? null : in.registryCreate();
        ClusterFile file = base.overriddenBy(new ClusterFile.Overrides(in.name(), in.image(), in.servers(),
                in.agents(), in.gpus(), in.cni(), in.registryCreate() == null ? null : true, in.registryName(),
                registryPort, registries, in.profiles()));
        if (file.name() == null && in.fromSnapshot() == null) {
            file = file.overriddenBy(new ClusterFile.Overrides(ClusterOps.DEFAULT_NAME, null, null, null, null, null,
                    null, null, null, null, null));
        }
        if (in.fromSnapshot() != null && ClusterFiles.changesRepo(file)) {
            Hint.Mention from = Suggestion.of("cluster", "create").option("fromSnapshot", "S").mentionFlag();
            throw SikifansoException.usage(Hint.of(from, " takes the snapshot's apps, agents and infra settings, and"
                    + " the cluster file names some too"), "leave apps, customApps, agents and infra out of the"
                    + " file, or create without ", from);
        }
        return file;
    }

    private static JsonNode parsedSchema() {
        try {
            return Mappers.JSON.readTree(ClusterFiles.schema());
        } catch (IOException e) {
            throw new UncheckedIOException("the schema in the jar is JSON", e);
        }
    }

    private static String templatesText(TemplateList out) {
        Table table = new Table("NAME", "DESCRIPTION", "SOURCE");
        out.templates().forEach(t -> table.row(t.name(), t.description(), t.source()));
        return table.render();
    }
}
