package com.sikifanso.cli;

import com.sikifanso.cluster.PullPolicy;
import com.sikifanso.cluster.RegistryRequest;
import com.sikifanso.infra.Cni;
import com.sikifanso.ops.ClusterFileOps;
import com.sikifanso.ops.ClusterOps;
import com.sikifanso.catalog.ProfileSelection;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", description = {
    "Create a cluster: its session, its GitOps repo, its k3s nodes in Docker and its kubeconfig context.",
    "With --gitops-only, prepare the session and repo only; a later create uses that repo."},
        footer = {"", "Examples:",
            "  sikifanso cluster create --profile agent-dev",
            "  sikifanso cluster create lab1 --config lab1.yaml --agents 3   # flags override the file",
            "  sikifanso cluster create lab1 --template rag-lab --dry-run     # print the resolved file",
            "  sikifanso cluster create lab2 --from-lock sikifanso.lock       # as cluster lock recorded it",
            "  sikifanso cluster create lab1 --agents 2 --no-switch-context",
            "  sikifanso cluster create lab1 --registry-create my-registry:5001   # or PORT, or NAME",
            "  sikifanso cluster create lab1 --gitops-only --profile agent-dev,rag",
            "  sikifanso cluster create lab1 --profile agent-dev --offline   # after image prefetch",
            "  sikifanso cluster create --bootstrap ./my-template --bootstrap-version v1.2.0"})
final class ClusterCreateCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Candidates.Clusters.class,
            description = "Cluster name (default: -c/--cluster).")
    String name;

    @Option(names = "--profile", paramLabel = "PROFILES", completionCandidates = Candidates.ProfileNames.class,
            description = "Comma-separated profiles whose apps to enable, e.g. agent-dev,rag (see: cluster profiles).")
    ProfileSelection profile;

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

    @Option(names = "--servers", paramLabel = "N", description = "Server nodes, 1 to 9; more than one runs embedded"
            + " etcd (default: servers in infra/platform.yaml, 1).")
    Integer servers;

    @Option(names = "--cni", paramLabel = "CNI", description = "Network plugin: cilium (default; FQDN egress for"
            + " agents, Hubble) or flannel (k3s' own, with its network policy controller).")
    Cni cni;

    @Option(names = "--gpus", paramLabel = "all|N", description = "GPUs for every node, as k3d --gpus (Docker"
            + " device requests; needs the NVIDIA container runtime and a CUDA-capable k3s image).")
    String gpus;

    @Option(names = "--registry-create", paramLabel = "NAME[:PORT]|PORT", arity = "0..1", fallbackValue = "0",
            converter = RegistryRequestConverter.class,
            description = "Also run a registry for the cluster, as k3d does: push to localhost:PORT, pull in the"
                    + " cluster as NAME:PORT (default name k3d-CLUSTER-registry, default port a free one).")
    RegistryRequest registryCreate;

    @Option(names = {"-f", "--config"}, paramLabel = "FILE", description = "A cluster file (kind: Cluster, see:"
            + " cluster config --schema); the flags given override it.")
    Path config;

    @Option(names = "--from-lock", paramLabel = "FILE", description = "Re-create a locked cluster (see: cluster"
            + " lock): its k3s image, CNI, Cilium and Argo CD versions, apps at their chart versions with their values,"
            + " agents; refused when the lock cannot say one of them. Name default: the lock's cluster.")
    Path fromLock;

    @Option(names = "--template", paramLabel = "NAME",
            description = "Start from a cluster template (see: cluster templates); the flags given override it.")
    String template;

    @Option(names = "--dry-run", description = "Print the cluster file this create would make (flags laid over"
            + " --config or --template), and make nothing.")
    boolean dryRun;

    @Option(names = "--gitops-remote", paramLabel = "URL", description = "Publish the GitOps repo to this git"
            + " remote (empty, or holding this repo's history) before the nodes exist; Argo CD reads it there."
            + " Credentials: git's own, or SIKIFANSO_GIT_TOKEN / SIKIFANSO_GIT_SSH_KEY.")
    String gitopsRemote;

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

    @Option(names = "--offline", description = "Pull nothing: the node image from Docker and every image the platform"
            + " and profiles need from the image cache (fill it first: image prefetch --profile P); fails before"
            + " creating anything, naming what is missing.")
    boolean offline;

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
        PullPolicy pullPolicy = PullPolicy.parse(pull);
        // Without a name, --from-snapshot creates the snapshot's cluster, a cluster file its metadata.name and a lock its
        // cluster;
        // otherwise the name or -c/--cluster.
        boolean fromFile = fromSnapshot != null || config != null || template != null || fromLock != null;
        String cluster = fromFile && name == null && !clusterGiven() ? null : cluster(name);
        ClusterOps.ClusterCreateInput input = ClusterOps.ClusterCreateInput.builder(cluster)
                .profiles(profile == null ? null : profile.names()).bootstrap(bootstrap, bootstrapVersion)
                .gitopsOnly(gitopsOnly).agents(agents).fromSnapshot(fromSnapshot).image(image).pull(pullPolicy)
                .servers(servers).template(template).cni(cni).gpus(gpus).config(config).registryConfig(registryConfig)
                .switchContext(!noSwitchContext).keepOnFailure(keepOnFailure).showPassword(showPassword)
                .skipBootstrap(skipBootstrap).gitopsRemote(gitopsRemote)
                .registryCreate(registryCreate == null ? null : registryCreate.port(),
                        registryCreate == null ? null : registryCreate.name())
                .fromLock(fromLock).offline(offline).build();
        if (dryRun) {
            perform(ClusterFileOps.CLUSTER_CREATE_DRY_RUN, input);
        } else {
            performSteps(ClusterOps.CLUSTER_CREATE, input, timeout);
        }
        return 0;
    }
}
