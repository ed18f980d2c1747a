package com.sikifanso.argocd;

import com.sikifanso.core.ClusterName;
import com.sikifanso.TestHome;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.gitops.Reconciler;
import com.sikifanso.session.ClusterLocks;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cluster "lab" prepared and recorded as running, with the app services talking to a mock API server. */
public final class RunningLab {
    public static final String CLUSTER = TestHome.CLUSTER;

    private RunningLab() {
    }

    /** Prepares {@code lab} under {@code root} and records it running, with this Argo CD URL and password. */
    public static TestHome home(Path root, String argoCdUrl, String password) {
        TestHome home = TestHome.withCluster(root);
        setState(home, ClusterState.RUNNING, argoCdUrl, password);
        return home;
    }

    public static void setState(TestHome home, ClusterState state, String argoCdUrl, String password) {
        SessionStore sessions = home.services().sessions();
        Session s = sessions.load(ClusterName.of(CLUSTER));
        sessions.save(new Session(s.clusterName(), state, s.createdAt(), s.bootstrapURL(), s.bootstrapVersion(),
                s.gitOpsPath(), new Session.Services(new Session.ArgoCd(argoCdUrl, "admin", password, "9.1.0"), null),
                s.k3dConfig(), s.ports()));
    }

    /** A kubeconfig in {@code home} whose context {@code k3d-lab} is the mock server, as the CLI finds a cluster. */
    public static void writeKubeconfig(Path home, KubernetesClient mock) throws java.io.IOException {
        com.sikifanso.LabKubeconfig.write(home.resolve("kubeconfig"), mock.getMasterUrl().toString());
    }

    /** The environment the CLI and services get: this home, and its kubeconfig. */
    public static Map<String, String> env(Path home) {
        return Map.of("SIKIFANSO_HOME", home.toString(), "KUBECONFIG", home.resolve("kubeconfig").toString(),
                "HOME", home.toString());
    }

    /** The services as the CLI wires them, for this home and its kubeconfig. */
    public static com.sikifanso.Services cliServices(Path home) {
        return new com.sikifanso.Services(com.sikifanso.core.BuildInfo.load(), new SikifansoHome(home),
                Duration.ofSeconds(5), msg -> { }, env(home));
    }

    /** Runs the command line in this JVM against cluster lab, as {@code Main} does, with captured streams. */
    public static Run cli(Path home, String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of("-c", CLUSTER));
        all.addAll(List.of(args));
        int code = com.sikifanso.cli.CommandLines.run(all.toArray(String[]::new), env(home),
                new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(err, true), false);
        return new Run(code, out.toString(), err.toString());
    }

    public record Run(int code, String out, String err) {
    }

    static ArgoCdServices services(TestHome home, KubernetesClient mock) {
        SikifansoHome sikifansoHome = new SikifansoHome(home.root());
        SessionStore sessions = new SessionStore(sikifansoHome);
        ClusterRepos repos = new ClusterRepos(sessions, new ClusterLocks(sikifansoHome, Duration.ofSeconds(5),
                msg -> { }), Reconciler.NONE);
        return ArgoCdServices.of(sessions,
                cluster -> new KubernetesClientBuilder().withConfig(mock.getConfiguration()).build(), repos,
                Duration.ofSeconds(2), Duration.ofMillis(100));
    }

    /** Argo CD's two Applications of the app tests: qdrant Synced and Healthy, langfuse OutOfSync and Degraded. */
    public static void argoCdHasQdrantAndADegradedLangfuse(KubernetesClient mock) {
        for (GenericKubernetesResource app : List.of(
                application("qdrant", "qdrant", "Synced", "Healthy", List.of(
                        resource("StatefulSet", "qdrant", "qdrant", "Healthy", null))),
                application("langfuse", "observability", "OutOfSync", "Degraded", List.of(
                        resource("Deployment", "observability", "langfuse-web", "Degraded", "container crash-looping"))))) {
            mock.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").resource(app).create();
        }
    }

    /** An Application as Argo CD keeps it, deploying into {@code namespace}. */
    public static GenericKubernetesResource application(String name, String namespace, String sync, String health,
                                                 List<Map<String, Object>> resources) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("sync", Map.of("status", sync, "revision", "6.10.1"));
        status.put("health", Map.of("status", health));
        status.put("resources", resources);
        return new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1").withKind("Application")
                .withNewMetadata().withName(name).withNamespace("argocd").endMetadata()
                .addToAdditionalProperties("spec", Map.of("project", "default",
                        "destination", Map.of("server", "https://kubernetes.default.svc", "namespace", namespace)))
                .addToAdditionalProperties("status", status).build();
    }

    /** One entry of {@code status.resources}. */
    public static Map<String, Object> resource(String kind, String namespace, String name, String health, String message) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("group", "Deployment".equals(kind) || "StatefulSet".equals(kind) ? "apps" : "");
        r.put("version", "v1");
        r.put("kind", kind);
        r.put("namespace", namespace);
        r.put("name", name);
        r.put("status", "Synced");
        if (health != null) {
            r.put("health", message == null ? Map.of("status", health) : Map.of("status", health, "message", message));
        }
        return r;
    }
}
