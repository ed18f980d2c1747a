package com.sikifanso.doctor;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.doctor.LabCluster.CLUSTER;
import static com.sikifanso.doctor.LabCluster.resource;
import static com.sikifanso.doctor.LabCluster.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.argocd.CatalogRolloutTest;
import com.sikifanso.session.ClusterState;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The doctor against fabric8's mock API server (CRUD) and a scripted Docker engine; the test plays the cluster. */
class DoctorTest extends HealthyLab {
    static final String RESTART = "restart the cluster: sikifanso cluster stop lab && sikifanso cluster start lab";

    @Test
    void aHealthyClusterPassesEveryCheckInAStableOrder() {
        lab.enable("qdrant");
        lab.agent("researcher");
        lab.healthyApplication("qdrant");
        lab.healthyApplication("researcher");

        DoctorReport report = lab.examine();

        assertThat(report.checks()).extracting(CheckResult::name).containsExactly("Docker", "Session", "GitOps repo",
                "Node containers", "GitOps mount", "Kubernetes API", "Nodes", "Pod DNS", "CNI", "Cilium API address", "Cilium agent", "Cilium operator",
                "Hubble relay", "Argo CD server", "Argo CD repo-server", "Argo CD application-controller",
                "Argo CD applicationset-controller", "Argo CD redis", "App: qdrant", "Agent: researcher");
        assertThat(report.checks()).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(Verdict.PASS));
        assertThat(report.summary()).isEqualTo(new DoctorReport.Summary(20, 0, 0));
        assertThat(row(report, "Docker").message()).isEqualTo("Docker 27.3.1 (API 1.47, cgroup v2)");
        assertThat(row(report, "Argo CD redis").message()).isEqualTo("Deployment argocd-redis: 1/1 ready");
        assertThat(row(report, "Nodes").message()).isEqualTo("1/1 nodes Ready");
        assertThat(row(report, "Cilium API address").message()).isEqualTo("172.19.0.3:6443, server-0's fixed "
                + "address");
        assertThat(row(report, "Pod DNS").message()).isEqualTo("10.20.0.53, 10.20.1.53 (the host's resolvers, "
                + "/etc/sikifanso/resolv.conf in k3d-lab-server-0)");
    }

    @Test
    void ciliumPointedAtAnAddressServer0NoLongerHasFailsWithTheCommandsThatRepointIt() {
        docker.withAddress(CLUSTER, "172.19.0.4", false);

        CheckResult r = row(lab.examine(), "Cilium API address");

        assertThat(r.status()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).isEqualTo("172.19.0.3 is not server-0's 172.19.0.4");
        assertThat(r.cause().cli()).isEqualTo("Cilium reaches the API server at 172.19.0.3:6443, but server-0 is now at "
                + "172.19.0.4, so Cilium loses the API server and pod networking stops");
        assertThat(r.fix().cli()).startsWith("point Cilium at it: helm upgrade cilium cilium/cilium -n kube-system "
                + "--kube-context k3d-lab --reuse-values --set k8sServiceHost=172.19.0.4, and the same in its "
                + "Application: kubectl -n argocd --context k3d-lab patch application cilium");
    }

    @Test
    void aServer0WhoseAddressIsNotFixedWarnsThatARestartCanChangeIt() {
        docker.withAddress(CLUSTER, ScriptedDocker.SERVER_ADDRESS, false);

        CheckResult r = row(lab.examine(), "Cilium API address");

        assertThat(r.status()).isEqualTo(Verdict.WARN);
        assertThat(r.message()).isEqualTo("172.19.0.3, not fixed");
        assertThat(r.fix().cli()).startsWith("recreate the cluster, whose server-0 then has a fixed address");
    }

    @Test
    void aServerMadeWithoutAResolvConfWarnsThatPodsUseK3sFallback() {
        docker.clear();
        docker.runningServer(CLUSTER, lab.home.gitOps().toString());
        docker.withAddress(CLUSTER, ScriptedDocker.SERVER_ADDRESS, true);

        CheckResult r = row(lab.examine(), "Pod DNS");

        assertThat(r.status()).isEqualTo(Verdict.WARN);
        assertThat(r.message()).isEqualTo("8.8.8.8 (k3s' fallback)");
        assertThat(r.cause().cli()).isEqualTo("k3d-lab-server-0 was created without a resolv.conf for k3s, so pods resolve "
                + "external names through 8.8.8.8, which networks that block public DNS refuse");
        assertThat(r.fix().cli()).startsWith("to give pods the host's resolvers, recreate the cluster: sikifanso snapshot "
                + "capture -c lab");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cilium agent", "Cilium operator", "Hubble relay", "Argo CD server",
        "Argo CD repo-server", "Argo CD application-controller", "Argo CD applicationset-controller", "Argo CD redis"})
    void anUnreadyComponentFailsWithItsCrashingPodAsTheCause(String component) {
        LabCluster.Workload w = LabCluster.workload(component);
        lab.workload(w, 1, 0);
        lab.crashingPod(w, w.name() + "-7d9f", "main", "CrashLoopBackOff",
                "back-off 40s restarting failed container=main");

        CheckResult r = row(lab.examine(), component);

        assertThat(r.status()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).isEqualTo(w.kind() + " " + w.name() + ": 0/1 ready");
        assertThat(r.cause().cli()).isEqualTo("pod " + w.name() + "-7d9f container main: CrashLoopBackOff (back-off 40s "
                + "restarting failed container=main)");
        assertThat(r.fix().cli()).isEqualTo(RESTART + "; if it persists, recreate it: sikifanso cluster delete lab && "
                + "sikifanso cluster create lab");
    }

    @Test
    void everyFailingArgoCdComponentIsReportedNotJustTheFirst() {
        lab.workload(LabCluster.workload("Argo CD server"), 1, 0);
        lab.removeWorkload(LabCluster.workload("Argo CD redis"));
        lab.workload(LabCluster.workload("Argo CD application-controller"), 1, 0);

        DoctorReport report = lab.examine();

        assertThat(report.checks()).filteredOn(CheckResult::failed).extracting(CheckResult::name)
                .containsExactly("Argo CD server", "Argo CD application-controller", "Argo CD redis");
        assertThat(row(report, "Argo CD server").cause().cli()).isEqualTo("no pods exist for it in namespace argocd");
        assertThat(row(report, "Argo CD redis").cause().cli()).isEqualTo("Deployment argocd/argocd-redis does not exist");
        assertThat(report.summary().fail()).isEqualTo(3);
    }

    @Test
    void aNodeThatIsNotReadyNamesItselfAndItsCondition() {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("k3d-lab-agent-0").endMetadata()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("False").withReason("KubeletNotReady")
                .withMessage("container runtime network not ready").endCondition().endStatus().build()).create();

        CheckResult r = row(lab.examine(), "Nodes");

        assertThat(r.status()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).isEqualTo("1/2 nodes Ready");
        assertThat(r.cause().cli()).isEqualTo("node k3d-lab-agent-0 is not Ready (KubeletNotReady: container runtime "
                + "network not ready)");
        assertThat(r.fix().cli()).isEqualTo(RESTART);
    }

    @Test
    void aDegradedAppFailsWithTheFirstUnhealthyResourceAndItsMessage() {
        lab.enable("qdrant");
        lab.application("qdrant", "Synced", "Degraded", Map.of("resources", List.of(
                resource("Service", "rag", "qdrant", "Healthy", null),
                resource("Deployment", "rag", "qdrant-web", "Progressing", "waiting for rollout"),
                resource("StatefulSet", "rag", "qdrant", "Degraded", "pod qdrant-0 is CrashLoopBackOff"))));

        CheckResult r = row(lab.examine(), "App: qdrant");

        assertThat(r.status()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).isEqualTo("Degraded, Synced");
        assertThat(r.cause().cli()).isEqualTo("StatefulSet qdrant in namespace rag (Degraded): pod qdrant-0 is "
                + "CrashLoopBackOff");
        assertThat(r.fix().cli()).isEqualTo("see every unhealthy resource: sikifanso app status qdrant -c lab; retry: "
                + "sikifanso app sync qdrant -c lab; or remove it: sikifanso app disable qdrant -c lab");
    }

    @Test
    void anUnhealthyAppsOwnKnownFailureGivesTheCauseAndFix() {
        lab.enable("qdrant", "ollama");
        lab.application("qdrant", "Synced", "Degraded", Map.of("resources", List.of(
                resource("StatefulSet", "rag", "qdrant", "Degraded", "container qdrant OOMKilled, restarting"))));
        lab.application("ollama", "Synced", "Progressing", Map.of("resources", List.of(
                resource("PersistentVolumeClaim", "models", "ollama", "Progressing", null))));

        DoctorReport report = lab.examine();

        CheckResult qdrant = row(report, "App: qdrant");
        assertThat(qdrant.cause().cli()).isEqualTo("StatefulSet qdrant in namespace rag (Degraded): container qdrant "
                + "OOMKilled, restarting — known failure of qdrant: collections held in RAM needs more memory than its "
                + "limit (1Gi)");
        assertThat(qdrant.fix().cli()).startsWith("raise resources.limits.memory in catalog/values/qdrant.yaml")
                .endsWith("; otherwise: see every unhealthy resource: sikifanso app status qdrant -c lab; retry: "
                        + "sikifanso app sync qdrant -c lab; or remove it: sikifanso app disable qdrant -c lab");
        assertThat(row(report, "App: ollama").cause().cli()).contains("PersistentVolumeClaim ollama",
                "known failure of ollama: its volume is not provisioned");
        assertThat(DoctorText.render(report, com.sikifanso.core.TextStyle.PLAIN))
                .contains("known failure of qdrant", "fix:   raise resources.limits.memory");
    }

    @Test
    void missingHealthAndAFailedSyncFailToo() {
        lab.enable("qdrant", "ollama");
        lab.application("qdrant", "Synced", "Missing", Map.of("resources", List.of(
                resource("StatefulSet", "rag", "qdrant", "Missing", null))));
        lab.application("ollama", "OutOfSync", "Healthy", Map.of("operationState", Map.of("phase", "Failed",
                "message", "one or more objects failed to apply: PersistentVolumeClaim \"models\" is invalid")));

        DoctorReport report = lab.examine();

        assertThat(row(report, "App: qdrant").cause().cli()).isEqualTo("StatefulSet qdrant in namespace rag (Missing)");
        assertThat(row(report, "App: ollama").status()).isEqualTo(Verdict.FAIL);
        assertThat(row(report, "App: ollama").cause().cli()).isEqualTo("sync failed: one or more objects failed to apply: "
                + "PersistentVolumeClaim \"models\" is invalid");
    }

    @Test
    void aCatalogAppHeldBackByRollingSyncNamesTheEarlierTierAppThatHoldsItAndTheFix() {
        lab.enable("ollama", "alloy");
        client.genericKubernetesResources(ArgoCdResources.APPLICATION_SET).inNamespace("argocd").resource(
                CatalogRolloutTest.catalogWithStatus(
                        "ollama", "2", "Progressing", "Application resource has synced, updating status to Progressing",
                        "alloy", "3", "Waiting", "No Application status found, defaulting status to Waiting"))
                .create();
        lab.application("ollama", "Synced", "Degraded", Map.of("resources", List.of(
                resource("StatefulSet", "ai", "ollama", "Degraded", "pod ollama-0 is CrashLoopBackOff"))));
        lab.application("alloy", "OutOfSync", "Missing", Map.of());

        DoctorReport report = lab.examine();

        CheckResult alloy = row(report, "App: alloy");
        assertThat(alloy.status()).isEqualTo(Verdict.FAIL);
        assertThat(alloy.message()).isEqualTo("Missing, OutOfSync");
        assertThat(alloy.cause().cli()).isEqualTo("alloy waits for its RollingSync turn: ollama in tier 1-data is "
                + "Progressing (Application resource has synced, updating status to Progressing), and Argo CD syncs a "
                + "tier only when every app of the earlier tiers is Healthy");
        assertThat(alloy.fix().cli()).isEqualTo("make ollama Healthy (see why: sikifanso app status ollama -c lab), or "
                + "disable it: sikifanso app disable ollama -c lab");
        assertThat(row(report, "App: ollama").cause().cli()).as("the blocker itself shows its own cause")
                .isEqualTo("StatefulSet ollama in namespace ai (Degraded): pod ollama-0 is CrashLoopBackOff");
    }

    @Test
    void anOutOfSyncCatalogAppSaysRollingSyncHasTurnedAutomatedSyncOff() {
        lab.enable("qdrant");
        lab.application("qdrant", "OutOfSync", "Healthy", Map.of());

        CheckResult r = row(lab.examine(), "App: qdrant");

        assertThat(r.status()).isEqualTo(Verdict.WARN);
        assertThat(r.cause().cli()).isEqualTo("the live objects differ from the repo's (OutOfSync); the catalog's "
                + "RollingSync turns automated sync off on its apps, so Argo CD syncs this one again only when the "
                + "catalog's rollout reaches its tier");
        assertThat(r.cause().cli()).doesNotContain("catches up");
        assertThat(r.fix().cli()).isEqualTo("sync now: sikifanso app sync qdrant -c lab");
    }

    @Test
    void progressingWithinTheGracePeriodWarnsAndBeyondItFails() {
        lab.enable("qdrant", "ollama");
        Map<String, Object> starting = Map.of("resources", List.of(resource("StatefulSet", "rag", "qdrant",
                "Progressing", "Waiting for 1 pods to be ready")));
        lab.application("qdrant", "Synced", "Progressing", Map.of("resources", starting.get("resources"),
                "operationState", Map.of("phase", "Succeeded", "startedAt",
                        LabCluster.NOW.minusSeconds(20).toString())));
        lab.application("ollama", "Synced", "Progressing", Map.of("operationState", Map.of("phase", "Succeeded",
                "startedAt", LabCluster.NOW.minusSeconds(300).toString())));

        DoctorReport report = lab.examine();

        CheckResult young = row(report, "App: qdrant");
        assertThat(young.status()).isEqualTo(Verdict.WARN);
        assertThat(young.message()).isEqualTo("Progressing, Synced for 20s (grace period 60s)");
        assertThat(young.cause().cli()).isEqualTo("StatefulSet qdrant in namespace rag (Progressing): Waiting for 1 pods "
                + "to be ready");
        assertThat(young.fix().cli()).isEqualTo("wait, then check again: sikifanso app status qdrant -c lab");
        CheckResult old = row(report, "App: ollama");
        assertThat(old.status()).isEqualTo(Verdict.FAIL);
        assertThat(old.message()).isEqualTo("Progressing, Synced for 5m, longer than the grace period of 60s");
        assertThat(report.failed()).isTrue();
    }

    @Test
    void anAgentWithoutItsApplicationFailsWithTheAgentCommands() {
        lab.agent("researcher");

        CheckResult r = row(lab.examine(), "Agent: researcher");

        assertThat(r.status()).isEqualTo(Verdict.FAIL);
        assertThat(r.cause().cli()).isEqualTo("Argo CD has no Application \"researcher\" in namespace argocd: its "
                + "ApplicationSet has not generated it (see the applicationset-controller row)");
        assertThat(r.fix().cli()).isEqualTo("ask Argo CD to re-read the repo: sikifanso app sync researcher -c lab; or "
                + "remove it: sikifanso agent delete researcher -c lab");
    }

    @Test
    void uncommittedEditsFailTheRepoCheckBecauseArgoCdCannotSeeThem() throws IOException {
        Files.writeString(lab.home.gitOps().resolve("catalog/qdrant.yaml"), "# edited by hand\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(lab.home.gitOps().resolve("notes.txt"), "todo\n");

        CheckResult r = row(lab.examine(), "GitOps repo");

        assertThat(r.status()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).isEqualTo("2 uncommitted changes");
        assertThat(r.cause().cli()).isEqualTo("Argo CD reads committed HEAD only, so these edits are invisible to it: "
                + "catalog/qdrant.yaml (modified), notes.txt (untracked)");
        assertThat(r.fix().cli()).startsWith("commit them (git -C " + lab.home.gitOps() + " add -A");
    }

    @Test
    void aLeftoverIndexLockFailsTheRepoCheckBecauseEveryCommitWouldFail() throws IOException {
        java.nio.file.Path lock = Files.createFile(lab.home.gitOps().resolve(".git/index.lock"));

        CheckResult r = row(lab.examine(), "GitOps repo");

        assertThat(r.status()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).isEqualTo("locked by index.lock");
        assertThat(r.cause().cli()).startsWith(lock + " is there: every commit fails while it is");
        assertThat(r.fix().cli()).endsWith("or: rm " + lock);
    }

    @Test
    void aServerThatMountsAnotherDirectoryFailsTheMountCheck() {
        docker.clear();
        docker.runningServer(CLUSTER, "/home/someone/else");

        CheckResult r = row(lab.examine(), "GitOps mount");

        assertThat(r.status()).isEqualTo(Verdict.FAIL);
        assertThat(r.cause().cli()).isEqualTo("k3d-lab-server-0 mounts /home/someone/else at /local-gitops, not this "
                + "cluster's repo " + lab.home.gitOps());
        assertThat(r.fix().cli()).contains("sikifanso snapshot capture -c lab", "sikifanso cluster create lab "
                + "--from-snapshot NAME");
    }

    @Test
    void stoppedContainersFailWithTheStartCommandAndSkipTheClusterChecks() {
        docker.clear();
        docker.node("k3d-lab-server-0", CLUSTER, "server", "exited", lab.home.gitOps().toString());
        lab.state(ClusterState.STOPPED);

        DoctorReport report = lab.examine();

        assertThat(report.checks()).extracting(CheckResult::name)
                .containsExactly("Docker", "Session", "GitOps repo", "Node containers");
        CheckResult r = row(report, "Node containers");
        assertThat(r.status()).isEqualTo(Verdict.FAIL);
        assertThat(r.cause().cli()).isEqualTo("not running: k3d-lab-server-0 (exited); cluster checks skipped");
        assertThat(r.fix().cli()).isEqualTo("start them: sikifanso cluster start lab");
    }

    @Test
    void containersRemovedOutsideSikifansoAreReportedWithTheRecreateCommand() {
        docker.clear();

        CheckResult r = row(lab.examine(), "Node containers");

        assertThat(r.status()).isEqualTo(Verdict.FAIL);
        assertThat(r.fix().cli()).isEqualTo("recreate it: sikifanso cluster delete lab && sikifanso cluster create lab");
    }

    @Test
    void anApiServerThatDoesNotAnswerIsOneFailureNotFifteen() throws IOException {
        int deadPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        String dead = "https://127.0.0.1:" + deadPort;
        Doctor doctor = new Doctor(lab.home.services().sessions(),
                com.sikifanso.cluster.ClusterBackends.forEnvironment(Map.of("DOCKER_HOST", docker.host()), "test",
                        java.time.Clock.systemUTC()),
                cluster -> new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(
                        new io.fabric8.kubernetes.client.ConfigBuilder().withMasterUrl(dead).withTrustCerts(true)
                                .build()).build());

        DoctorReport report = doctor.examine(ClusterName.of(CLUSTER), new Doctor.Options(Duration.ofSeconds(5), true));

        assertThat(report.checks()).extracting(CheckResult::name).last().isEqualTo("Kubernetes API");
        CheckResult r = row(report, "Kubernetes API");
        assertThat(r.status()).isEqualTo(Verdict.FAIL);
        assertThat(r.cause().cli()).startsWith("the API server at " + dead + "/ does not answer: ")
                .endsWith("(cluster checks skipped)");
        assertThat(r.fix().cli()).isEqualTo(RESTART);
    }

    @Test
    void aCheckThatDoesNotAnswerInTimeFailsSayingSoWithoutHoldingUpTheOthers() {
        docker.delayInspect(3_000);

        long start = System.nanoTime();
        DoctorReport report = lab.doctor(Duration.ofSeconds(60)).examine(ClusterName.of(CLUSTER),
                new Doctor.Options(Duration.ofMillis(700), true));
        long millis = (System.nanoTime() - start) / 1_000_000;

        CheckResult r = row(report, "GitOps mount");
        assertThat(r.status()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).isEqualTo("no answer within 700ms");
        assertThat(r.cause().cli()).as("the fix names the flag").isEqualTo("the check timed out after 700ms");
        assertThat(row(report, "Argo CD server").status()).isEqualTo(Verdict.PASS);
        assertThat(millis).isLessThan(2_500);
    }

    @Test
    void withoutASessionItChecksDockerAndSaysToCreateTheCluster() {
        DoctorReport report = lab.doctor(Duration.ofSeconds(60)).examine(ClusterName.of("ghost"), Doctor.Options.DEFAULTS);

        assertThat(report.checks()).extracting(CheckResult::name).containsExactly("Docker", "Session");
        assertThat(row(report, "Docker").status()).isEqualTo(Verdict.PASS);
        CheckResult r = row(report, "Session");
        assertThat(r.status()).isEqualTo(Verdict.FAIL);
        assertThat(r.cause().cli()).startsWith("no cluster named \"ghost\"");
        assertThat(r.fix().cli()).isEqualTo("create it: sikifanso cluster create ghost");
    }

    @Test
    void aGitOpsOnlyClusterReportsTheRepoAndSaysToCreateItsNodes() {
        lab.state(ClusterState.NOT_CREATED);

        DoctorReport report = lab.examine();

        assertThat(report.checks()).extracting(CheckResult::name).containsExactly("Docker", "Session", "GitOps repo");
        assertThat(row(report, "GitOps repo").status()).isEqualTo(Verdict.PASS);
        assertThat(row(report, "Session").fix().cli()).isEqualTo("create its nodes: sikifanso cluster create lab");
    }
}
