package com.sikifanso.cluster;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.K3dNames;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.NodeAguiCheck;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.cli.SikifansoProcess;
import com.sikifanso.core.Mappers;
import com.sikifanso.infra.InfraConfig;
import com.sikifanso.infra.InfraConfigs;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sikifanso cluster create} as a user runs it on a machine without the node image: one
 * process per command (the main class from the test classpath in its own JVM, as the other CLI
 * tests run it; the distribution is packaged after the tests), the node image pulled for real from
 * Debian's docker-registry on 127.0.0.1, nodes in the real Docker engine.
 *
 * <p>The stand-in node (busybox, see src/test/resources/k3s-standin) is no k3s: the pull and node
 * tests use --skip-bootstrap and --no-wait; the full create gives the node an API server to forward
 * to and charts to install (see its comment). No real k3s, Cilium datapath or Argo CD
 * reconciliation runs here.
 */
class ClusterCreateProcessTest {
    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static LocalRegistry registry;
    private static String image;
    private final java.util.List<String> made = new java.util.ArrayList<>();

    @BeforeAll
    static void registryWithTheNodeImage() throws Exception {
        RealDocker.require();
        registry = LocalRegistry.start(shared.resolve("registry"));
        image = registry.publishStandIn("rancher/k3s", "e2e-" + ProcessHandle.current().pid());
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (registry != null) {
            LocalRegistry.removeFromEngine(image);
            registry.close();
        }
    }

    @AfterEach
    void removeClusters() {
        NodeRuntime nodes = new NodeRuntime(RealDocker.engine());
        for (String name : made) {
            try {
                nodes.remove(new K3dNames(name));
            } catch (RuntimeException ignored) {
                // Best effort: the test reported what went wrong.
            }
        }
    }

    private String name(String base) {
        String n = base + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
        made.add(n);
        return n;
    }

    private SikifansoProcess.Result sikifanso(String... args) {
        return sikifanso(Map.of(), args);
    }

    private SikifansoProcess.Result sikifanso(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("KUBECONFIG", tmp.resolve("kube/config").toString());
        env.put("HOME", tmp.toString());
        // A whole create with two Helm installs takes 20 s on a quiet machine, much longer on a busy one.
        return new SikifansoProcess(tmp.resolve("home")).run(env, java.time.Duration.ofSeconds(150), args);
    }

    @Test
    void theFirstCreatePullsTheNodeImageWithProgressTheSecondDoesNotAndTheClusterLivesAndGoes() throws Exception {
        LocalRegistry.removeFromEngine(image);
        String first = name("e2e");
        SikifansoProcess.Result created = sikifanso("cluster", "create", first, "--image", image, "--skip-bootstrap",
                "-o", "json");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.stderr()).contains("] pulling " + image + "\n")
                .containsPattern("] pulled \\Q" + image + "\\E \\(1 layer, \\d+\\.\\d MB in \\d+\\.\\ds\\)");
        assertThat(created.stdout().strip()).as("-o json: one JSON object, nothing else").startsWith("{").endsWith("}");
        JsonNode session = Mappers.JSON.readTree(created.stdout()).path("session");
        assertThat(session.path("clusterName").asText()).isEqualTo(first);
        assertThat(session.at("/k3dConfig/image").asText()).isEqualTo(image);
        assertThat(session.path("state").asText()).isEqualTo("running");
        JsonNode kubeconfig = Mappers.YAML.readTree(tmp.resolve("kube/config").toFile());
        assertThat(kubeconfig.path("current-context").asText()).isEqualTo("k3d-" + first);

        String second = name("e2e");
        SikifansoProcess.Result again = sikifanso("cluster", "create", second, "--image", image, "--skip-bootstrap");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stderr()).doesNotContain("pulling");
        assertThat(again.stdout()).contains(second);

        SikifansoProcess.Result info = sikifanso("cluster", "info", first, "-o", "json");
        assertThat(info.exitCode()).as(info.toString()).isZero();
        assertThat(Mappers.JSON.readTree(info.stdout()).at("/session/clusterName").asText()).isEqualTo(first);

        assertThat(sikifanso("cluster", "stop", first).exitCode()).isZero();
        SikifansoProcess.Result started = sikifanso("cluster", "start", first, "--no-wait");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        assertThat(started.stderr()).doesNotContain("pulling");

        for (String n : new String[] {first, second}) {
            SikifansoProcess.Result deleted = sikifanso("cluster", "delete", n, "--yes");
            assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
            assertThat(new NodeRuntime(RealDocker.engine()).leftovers(new K3dNames(n))).isEmpty();
        }
        assertThat(Mappers.YAML.readTree(tmp.resolve("kube/config").toFile()).toString()).doesNotContain("k3d-e2e");
    }

    /**
     * The whole of {@code cluster create}, preflight to info box, in one process: the node image
     * pulled, the node started, its kubeconfig read and rewritten, TLS to the API server through the
     * node's published port, Helm installing Cilium and Argo CD from a chart repository, the waits,
     * the Argo CD Applications, the root ApplicationSets and the session. The stand-ins, and why:
     * <ul>
     * <li>API server: no kube-apiserver runs here; {@link ApiServerStandIn} (fabric8's mock in CRUD
     * mode behind TLS with k3s-like certificates) on the host, and the node forwards its 6443 there
     * (busybox nc) and writes that server's kubeconfig as k3s would (flags of the stand-in k3s,
     * given through infra/platform.yaml's k3sArgs).</li>
     * <li>Charts: the real ones need the network; stand-ins with the upstream names, pinned versions
     * and values keys come from a local Helm repository ({@link LocalHelmRepository}), pointed at by
     * infra/cilium.yaml and infra/argocd.yaml in a custom template (--bootstrap).</li>
     * <li>Helm's release storage: HELM_DRIVER=memory, Helm's own setting, which helm-java honours
     * (native/internal/helm/helm.go at v0.0.16). With the default Secret driver Helm stores its
     * release as a protobuf-encoded Secret (client-go's typed clients speak protobuf for built-in
     * types), which the mock can neither store nor answer in kind, so every install failed there.
     * The manifests themselves are created as JSON, as against a real server.</li>
     * <li>Controllers: {@link PlatformControllers} plays the kubelet, the DaemonSet/Deployment
     * controllers, Cilium making the node Ready, argocd-server's admin Secret and Argo CD reporting
     * Applications Synced/Healthy.</li>
     * </ul>
     * What it cannot prove: a real k3s, Cilium's datapath, the real charts' templates, Argo CD
     * reconciling the repo, and Helm's release Secrets.
     */
    @Test
    void aFullCreateInstallsThePlatformThroughTheNodesApiPortAndAppStatusAnswersFromTheCluster() throws Exception {
        String n = name("full");
        K3dNames names = new K3dNames(n);
        InfraConfig pins = new InfraConfigs().defaults();
        try (ApiServerStandIn api = new ApiServerStandIn(RealDocker.bridgeGateway());
             LocalHelmRepository charts = new LocalHelmRepository(tmp.resolve("helm-repository"));
             PlatformControllers controllers = new PlatformControllers(api.client(), names.server(0))) {
            charts.publish("cilium", pins.cilium().targetRevision(), tmp)
                    .publish("argo-cd", pins.argocd().targetRevision(), tmp);

            SikifansoProcess.Result created;
            List<List<JournalEntry>> journalled;
            try (CreateJournalWatcher journal = new CreateJournalWatcher(clusterDir(n))) {
                created = createAgainst(api, charts, pins, n);
                journal.await(e -> e instanceof AguiEvent.RunFinished || e instanceof AguiEvent.RunError,
                        java.time.Duration.ofSeconds(10));
                journalled = journal.batches();
            }

            assertThat(created.exitCode()).as(created + "\ncontrollers: " + controllers.done() + "\nAPI requests:\n"
                    + String.join("\n", api.requests())).isZero();
            theCreateWasJournalledStepByStepWhileItRan(journalled, created.stderr());
            assertThat(controllers.failures()).isEmpty();
            assertThat(created.stderr()).contains("installing Cilium " + pins.cilium().targetRevision() + " with Helm",
                    "installing Argo CD (chart argo-cd " + pins.argocd().targetRevision() + ")",
                    "created the Argo CD Application cilium", "created the Argo CD Application argocd",
                    "applied the ApplicationSets root, catalog, agents (server-side, field manager sikifanso)");
            Session session = new SessionStore(new com.sikifanso.session.SikifansoHome(tmp.resolve("home"))).load(ClusterName.of(n));
            assertThat(created.stdout()).as("the info box").contains(n, session.services().argocd().url(),
                    session.services().hubble().url()).doesNotContain(PlatformControllers.ADMIN_PASSWORD);

            JsonNode kubeconfig = Mappers.YAML.readTree(tmp.resolve("kube/config").toFile());
            assertThat(kubeconfig.path("current-context").asText()).isEqualTo(names.context());
            JsonNode cluster = kubeconfig.at("/clusters/0/cluster");
            assertThat(cluster.path("server").asText()).isEqualTo("https://127.0.0.1:" + session.ports().apiServer());
            assertThat(cluster.path("certificate-authority-data").asText()).as("k3s's CA, kept")
                    .isEqualTo(Mappers.YAML.readTree(api.k3sKubeconfig()).at("/clusters/0/cluster")
                            .path("certificate-authority-data").asText());
            assertThat(api.tlsClients()).as("Helm and fabric8 presented the kubeconfig's client certificate")
                    .contains("CN=system:admin,O=system:masters");

            assertThat(session.services().argocd().password()).isEqualTo(PlatformControllers.ADMIN_PASSWORD);
            assertThat(session.services().argocd().chartVersion()).isEqualTo(pins.argocd().targetRevision());
            Path gitOps = Path.of(session.gitOpsPath());
            assertThat(gitOps.resolve("bootstrap/root-app.yaml")).isRegularFile();
            assertThat(gitOps.resolve("infra/cilium.yaml")).content().contains(charts.url());

            assertThat(charts.requests()).contains("GET /index.yaml",
                    "GET /cilium-" + pins.cilium().targetRevision() + ".tgz",
                    "GET /argo-cd-" + pins.argocd().targetRevision() + ".tgz");
            try (var kube = api.client()) {
                String serverAddress = new NodeRuntime(RealDocker.engine()).address(names.server(0), names.network())
                        .orElseThrow();
                assertThat(kube.apps().daemonSets().inNamespace("kube-system").withName("cilium").get().getSpec()
                        .getTemplate().getSpec().getContainers().get(0).getEnv())
                        .as("Cilium's values reached the chart: the API server at server-0's address")
                        .anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue())
                                .isEqualTo("KUBERNETES_SERVICE_HOST=" + serverAddress));
                assertThat(kube.apps().deployments().inNamespace("argocd").withName("argocd-repo-server").get()
                        .getSpec().getTemplate().getSpec().getVolumes())
                        .anySatisfy(v -> assertThat(v.getHostPath().getPath()).isEqualTo("/local-gitops"));
                assertThat(kube.genericKubernetesResources(com.sikifanso.argocd.ArgoCdResources.APPLICATION)
                        .inNamespace("argocd").list().getItems()).extracting(a -> a.getMetadata().getName())
                        .containsExactlyInAnyOrder("cilium", "argocd");
                assertThat(kube.genericKubernetesResources(com.sikifanso.argocd.ArgoCdResources.APPLICATION_SET)
                        .inNamespace("argocd").list().getItems()).extracting(a -> a.getMetadata().getName())
                        .containsExactlyInAnyOrder("root", "catalog", "agents");
                assertThat(kube.genericKubernetesResources(com.sikifanso.argocd.ArgoCdResources.APPLICATION_SET)
                        .inNamespace("argocd").withName("catalog").get().getMetadata().getAnnotations())
                        .as("asked to refresh after the apply").containsKey("argocd.argoproj.io/application-set-refresh");
            }
            assertThat(api.serverSideApplies()).containsExactly(Stream.of("root", "catalog", "agents")
                    .map(a -> "/apis/argoproj.io/v1alpha1/namespaces/argocd/applicationsets/" + a
                            + "?fieldManager=sikifanso&force=true").toArray(String[]::new));

            SikifansoProcess.Result status = sikifanso("-c", n, "app", "status", "-o", "json");
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.stdout()).contains("\"cilium\"", "\"argocd\"", "Synced", "Healthy");

            // Stop, start and delete are the first test's; the nodes go in removeClusters().
        }
    }

    @Test
    void aChartTheHelmRepositoryLacksFailsTheCreateNamingItAndLeavesNothingInDocker() throws Exception {
        String n = name("nochart");
        K3dNames names = new K3dNames(n);
        InfraConfig pins = new InfraConfigs().defaults();
        try (ApiServerStandIn api = new ApiServerStandIn(RealDocker.bridgeGateway());
             LocalHelmRepository charts = new LocalHelmRepository(tmp.resolve("helm-repository"));
             PlatformControllers controllers = new PlatformControllers(api.client(), names.server(0))) {
            charts.publish("argo-cd", pins.argocd().targetRevision(), tmp);

            SikifansoProcess.Result r = createAgainst(api, charts, pins, n);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.stdout()).isEmpty();
            assertThat(r.stderr()).contains("Error: installing cilium " + pins.cilium().targetRevision() + " failed: ")
                    .contains("not found").contains("removed the nodes, network and kubeconfig entries made so far");
            assertThat(charts.requests()).doesNotContain("GET /argo-cd-" + pins.argocd().targetRevision() + ".tgz");
            assertThat(new NodeRuntime(RealDocker.engine()).leftovers(names)).isEmpty();
            assertThat(Mappers.YAML.readTree(tmp.resolve("kube/config").toFile()).toString())
                    .doesNotContain(names.context());
        }
    }

    private Path clusterDir(String name) {
        return tmp.resolve("home").resolve("clusters").resolve(name);
    }

    /**
     * The create's run, as another process read it while it was written: its phases as steps, in order, the first
     * ones (before the cluster's directory existed) held and then appended, each line of the CLI's progress the
     * text of an event, and the whole run valid for {@code @ag-ui/core}'s schemas and {@code verifyEvents}.
     */
    private static void theCreateWasJournalledStepByStepWhileItRan(List<List<JournalEntry>> batches, String stderr) {
        List<JournalEntry> all = batches.stream().flatMap(List::stream).toList();
        assertThat(all).as("the journal as read during the create").isNotEmpty();
        String runId = all.get(0).runId();
        List<AguiEvent> run = all.stream().filter(e -> e.runId().equals(runId)).map(JournalEntry::event).toList();
        List<String> steps = run.stream().filter(e -> e instanceof AguiEvent.StepStarted)
                .map(e -> ((AguiEvent.StepStarted) e).stepName()).toList();
        assertThat(steps).extracting(s -> s.replaceAll(" .*", "")).containsSubsequence("checking", "creating",
                "creating", "starting", "waiting", "waiting", "waiting", "installing", "waiting", "installing",
                "waiting", "applied");
        assertThat(steps).anyMatch(s -> s.startsWith("waiting for the API server at "))
                .anyMatch(s -> s.startsWith("installing Cilium ")).anyMatch(s -> s.startsWith("installing Argo CD "))
                .anyMatch(s -> s.startsWith("applied the ApplicationSets root, catalog, agents"));
        steps.forEach(s -> assertThat(stderr).as("the CLI's line for step " + s).contains("] " + s));
        assertThat(run.getFirst()).isInstanceOf(AguiEvent.RunStarted.class);
        assertThat(run.getLast()).isInstanceOf(AguiEvent.RunFinished.class);
        int firstStep = indexOfBatch(batches, runId, AguiEvent.StepStarted.class);
        int finished = indexOfBatch(batches, runId, AguiEvent.RunFinished.class);
        assertThat(firstStep).as("steps were in the journal before the run finished: appended live")
                .isLessThan(finished);

        JsonNode checked = new NodeAguiCheck().stream("cluster create", run).run().at("/streams/0");
        assertThat(checked.path("schemaErrors")).as(checked.toPrettyString()).isEmpty();
        assertThat(checked.path("verifyError").isNull()).as(checked.path("verifyError").asText()).isTrue();
    }

    private static int indexOfBatch(List<List<JournalEntry>> batches, String runId, Class<?> type) {
        for (int i = 0; i < batches.size(); i++) {
            if (batches.get(i).stream().anyMatch(e -> e.runId().equals(runId) && type.isInstance(e.event()))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A create killed with SIGKILL in the middle of a step leaves the journal readable: its run stops after the
     * step it was in, with no RUN_FINISHED or RUN_ERROR (readers treat it as cut off), still valid as far as it
     * goes, and the next command's run follows it. The stand-in node serves no API server, so the create waits there.
     */
    @Test
    void aCreateKilledMidStepLeavesAReadableJournalWithItsRunCutOff() throws Exception {
        String n = name("killed");
        Path out = tmp.resolve("killed.out");
        Path err = tmp.resolve("killed.err");
        Process p;
        try (CreateJournalWatcher journal = new CreateJournalWatcher(clusterDir(n))) {
            p = new SikifansoProcess(tmp.resolve("home")).start(Map.of("KUBECONFIG",
                    tmp.resolve("kube/config").toString(), "HOME", tmp.toString()), out, err,
                    "cluster", "create", n, "--image", image, "--timeout", "120s");
            boolean waiting = journal.await(e -> e instanceof AguiEvent.StepStarted s
                    && s.stepName().startsWith("waiting for the API server"), java.time.Duration.ofSeconds(120));
            assertThat(waiting).as("the create reached the API server wait:\n" + Files.readString(err)).isTrue();
            p.destroyForcibly().waitFor();
        }

        ActivityJournal journal = new ActivityJournal(clusterDir(n), JournalOptions.DEFAULTS);
        List<JournalEntry> entries = journal.readSince(0);
        String runId = entries.get(0).runId();
        List<AguiEvent> run = journal.readRun(runId).stream().map(JournalEntry::event).toList();
        assertThat(run.getFirst()).isInstanceOf(AguiEvent.RunStarted.class);
        assertThat(run).noneMatch(e -> e instanceof AguiEvent.RunFinished || e instanceof AguiEvent.RunError);
        assertThat(run.getLast()).isInstanceOfAny(AguiEvent.StepStarted.class, AguiEvent.ActivitySnapshot.class);
        JsonNode checked = new NodeAguiCheck().stream("killed create", run).run().at("/streams/0");
        assertThat(checked.path("schemaErrors")).as(checked.toPrettyString()).isEmpty();
        assertThat(checked.path("verifyError").isNull()).as(checked.path("verifyError").asText()).isTrue();

        SikifansoProcess.Result list = sikifanso("-c", n, "app", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        List<JournalEntry> after = journal.readSince(entries.getLast().sequence());
        assertThat(after).extracting(e -> e.event().eventType()).startsWith(com.sikifanso.agui.EventType.RUN_STARTED)
                .endsWith(com.sikifanso.agui.EventType.RUN_FINISHED);
        assertThat(after.getFirst().sequence()).isEqualTo(entries.getLast().sequence() + 1);
    }

    /** {@code cluster create} from a template whose infra/ points at the stand-ins (see the test above). */
    private SikifansoProcess.Result createAgainst(ApiServerStandIn api, LocalHelmRepository charts, InfraConfig pins,
                                                  String name) throws java.io.IOException {
        Path template = StandInTemplate.write(tmp.resolve("template"), pins, api, charts);
        return sikifanso(Map.of("HELM_DRIVER", "memory"), "cluster", "create", name, "--bootstrap",
                template.toString(), "--image", image, "--timeout", "120s");
    }

    @Test
    void pullNeverWithoutTheImageFailsInOneLineAndLeavesNothingInDocker() {
        LocalRegistry.removeFromEngine(image);
        String n = name("never");

        SikifansoProcess.Result r = sikifanso("cluster", "create", n, "--image", image, "--skip-bootstrap",
                "--pull", "never");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains("the node image " + image + " is not in Docker, and --pull never forbids"
                + " pulling it").contains("docker pull " + image);
        assertThat(new NodeRuntime(RealDocker.engine()).leftovers(new K3dNames(n))).isEmpty();
    }

    @Test
    void anUnknownTagFailsNamingTheRegistrysAnswerAndLeavesNothingInDocker() {
        String n = name("notag");
        String missing = registry.host + "/rancher/k3s:no-such-tag";

        SikifansoProcess.Result r = sikifanso("cluster", "create", n, "--image", missing, "--skip-bootstrap");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("cannot pull " + missing + ": " + registry.host + " answered \"")
                .contains("manifest unknown").contains("(no such image or tag)");
        assertThat(new NodeRuntime(RealDocker.engine()).leftovers(new K3dNames(n))).isEmpty();
        assertThat(Files.exists(tmp.resolve("kube/config"))
                && Files.isRegularFile(tmp.resolve("kube/config"))).as("no kubeconfig entry was written").isFalse();
    }
}
