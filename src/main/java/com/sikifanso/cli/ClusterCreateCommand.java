package com.sikifanso.cli;

import com.sikifanso.catalog.AppService;
import com.sikifanso.cli.render.ProgressLines;
import com.sikifanso.cluster.ClusterService;
import com.sikifanso.cluster.PullPolicy;
import com.sikifanso.cluster.RegistryConfig;
import java.nio.file.Path;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.Session;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", description = {
    "Create a cluster: its session, its GitOps repo, its k3s nodes in Docker and its kubeconfig context.",
    "With --gitops-only, prepare the session and repo only; a later create uses that repo."},
        footer = {"", "Examples:",
            "  sikifanso cluster create --profile agent-dev",
            "  sikifanso cluster create lab1 --agents 2 --no-switch-context",
            "  sikifanso cluster create lab1 --gitops-only --profile agent-dev,rag",
            "  sikifanso cluster create --bootstrap ./my-template --bootstrap-version v1.2.0"})
final class ClusterCreateCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Candidates.Clusters.class,
            description = "Cluster name (default: -c/--cluster).")
    String name;

    @Option(names = "--profile", paramLabel = "PROFILES", completionCandidates = Candidates.ProfileNames.class,
            description = "Comma-separated profiles whose apps to enable, e.g. agent-dev,rag (see: cluster profiles).")
    String profile;

    @Option(names = "--from-snapshot", paramLabel = "SNAPSHOT", completionCandidates = Candidates.Snapshots.class,
            description = "Start from a snapshot: its GitOps repo with history and its settings (cluster name default:"
                    + " the snapshot's cluster).")
    String fromSnapshot;

    @Option(names = "--gitops-only", description = "Prepare the session and GitOps repo without creating the cluster.")
    boolean gitopsOnly;

    @Option(names = "--bootstrap", paramLabel = "URL|PATH",
            description = "Custom GitOps template: a git URL or a local path (default: the template built in).")
    String bootstrap;

    @Option(names = "--bootstrap-version", paramLabel = "TAG", description = "Tag of the custom template to use.")
    String bootstrapVersion;

    @Option(names = "--agents", paramLabel = "N", description = "Agent (worker) nodes besides the server"
            + " (default: agents in infra/platform.yaml, 0).")
    Integer agents;

    @Option(names = "--image", paramLabel = "IMAGE", description = "k3s node image (default: k3sImage in"
            + " infra/platform.yaml).")
    String image;

    @Option(names = "--pull", paramLabel = "WHEN", defaultValue = "missing",
            description = "Pull the node image: missing (when Docker lacks it), always, never (default:"
                    + " ${DEFAULT-VALUE}).")
    String pull;

    @Option(names = "--registry-config", paramLabel = "FILE", description = "A k3s registries.yaml (mirrors,"
            + " registry logins) written into every node, as k3d's flag of the same name; kept across start and in"
            + " snapshots.")
    Path registryConfig;

    @Option(names = "--no-switch-context", description = "Add the kubeconfig context but keep the current one.")
    boolean noSwitchContext;

    @Option(names = "--keep-on-failure", description = "Keep the containers of a failed create for inspection.")
    boolean keepOnFailure;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "How long to wait for the nodes and the API server (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--show-password", description = "Also print the Argo CD admin password (it is saved in the"
            + " session either way, readable by you only).")
    boolean showPassword;

    /** Creates the nodes and kubeconfig only; for measuring the node layer (bench/) on stand-in images. */
    @Option(names = "--skip-bootstrap", hidden = true)
    boolean skipBootstrap;

    @Override
    int run() {
        if (bootstrapVersion != null && bootstrap == null) {
            throw SikifansoException.usage("--bootstrap-version needs --bootstrap",
                    "the built-in template always matches this sikifanso version");
        }
        if (fromSnapshot != null && bootstrap != null) {
            throw SikifansoException.usage("--from-snapshot and --bootstrap exclude each other",
                    "a cluster created from a snapshot takes the snapshot's GitOps repo");
        }
        PullPolicy pullPolicy = PullPolicy.parse(pull);
        if (registryConfig != null && gitopsOnly) {
            throw SikifansoException.usage("--registry-config and --gitops-only exclude each other",
                    "the registries.yaml goes into the nodes: give it to the cluster create that makes them");
        }
        // Checked before anything is written or created.
        String registries = registryConfig == null ? null : RegistryConfig.read(registryConfig);
        String cluster = fromSnapshot == null ? cluster(name) : services().snapshots().seedCluster(fromSnapshot,
                name != null || clusterGiven() ? cluster(name) : null).session().clusterName();
        TemplateSource template = TemplateSource.of(bootstrap, bootstrapVersion);
        if (gitopsOnly) {
            ClusterService.Prepared prepared = services().clusters().prepare(cluster, template, profile);
            out().result(prepared.session(), () -> describe(prepared));
            return 0;
        }
        ClusterService.Created created;
        try (ProgressLines progress = progress()) {
            created = services().clusters().create(new ClusterService.CreateRequest(cluster, template, profile,
                    agents, image, !noSwitchContext, keepOnFailure, timeout, skipBootstrap, pullPolicy, registries), progress);
        }
        Session session = showPassword ? created.session() : created.session().withoutSecrets();
        out().result(session, () -> ClusterInfoCommand.box(session, null) + password(session) + "Kubeconfig:  "
                + created.kubeconfig() + (noSwitchContext ? "" : " (current context k3d-" + cluster + ")") + "\n"
                + created.prepared().profile().map(r -> describeProfile(r) + watchHint(session)).orElse(""));
        return 0;
    }

    private String password(Session session) {
        if (session.services() == null || session.services().argocd() == null) {
            return "";
        }
        String pw = session.services().argocd().password();
        return showPassword && pw != null ? "Password:    " + pw + "\n" : "";
    }

    /** Argo CD generates the profile's Applications now; converging them is watched, not waited for here. */
    private static String watchHint(Session session) {
        return session.services() == null ? "" : "Argo CD is installing them; watch with: sikifanso app status\n";
    }

    private String describe(ClusterService.Prepared prepared) {
        StringBuilder s = new StringBuilder();
        String c = prepared.session().clusterName();
        s.append(prepared.reused() ? "Cluster " + c + " was already prepared; using its GitOps repo.\n"
                : "Prepared cluster " + out().bold(c) + " (state: not-created).\n");
        s.append("GitOps repo: ").append(prepared.session().gitOpsPath()).append('\n');
        prepared.profile().ifPresent(r -> s.append(describeProfile(r)));
        return s.toString();
    }

    static String describeProfile(AppService.ToggleResult r) {
        if (r.changed().isEmpty()) {
            return "Profile apps were already enabled.\n";
        }
        return "Enabled: " + String.join(", ", r.changed()) + "\n"
                + (r.autoEnabled().isEmpty() ? "" : "(dependencies: " + String.join(", ", r.autoEnabled()) + ")\n");
    }
}
