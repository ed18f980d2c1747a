package com.sikifanso.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.GitCli;
import com.sikifanso.Services;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.agents.AgentValues;
import com.sikifanso.catalog.CustomApp;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.ops.Invocations;
import com.sikifanso.ops.Operation;
import com.sikifanso.ops.ShareOps;
import com.sikifanso.ops.Surface;
import com.sikifanso.session.SikifansoHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profile bundles between two clusters' real GitOps repos (--gitops-only clusters: a bundle is repo content only),
 * through the operations every surface calls, from files and from git refs served by a real repository
 * ({@code git+file://}, the same JGit transport code as https fetches but local).
 */
class ProfileBundlesTest {
    @TempDir
    Path home;

    private Services services;

    @BeforeEach
    void twoClusters() {
        services = new Services(new BuildInfo("test", "none"), new SikifansoHome(home.resolve("home")),
                Duration.ofSeconds(5), msg -> { }, Map.of("DOCKER_HOST", "unix://" + home.resolve("no.sock"),
                        "KUBECONFIG", home.resolve("kubeconfig").toString(), "HOME", home.toString()));
        services.clusters().prepare(ClusterName.of("from"), new TemplateSource.Embedded(), null);
        services.clusters().prepare(ClusterName.of("to"), new TemplateSource.Embedded(), null);
    }

    private <I extends Record, O extends Record> O call(Operation<I, O> op, I input) {
        return services.invocations().invoke(op, input, Invocations.Caller.program(Surface.cli, msg -> { }));
    }

    private GitCli repo(String cluster) {
        return new GitCli(Path.of(services.sessions().load(ClusterName.of(cluster)).gitOpsPath()));
    }

    /** The source cluster: qdrant pinned and with changed values, langfuse (and its dependencies), a custom app, an agent. */
    private Path exportedBundle() throws Exception {
        services.apps().enable(ClusterName.of("from"), List.of("langfuse", "qdrant"));
        GitCli from = repo("from");
        Path qdrant = from.dir().resolve("catalog/qdrant.yaml");
        Files.writeString(qdrant, Files.readString(qdrant).replace("targetRevision: \"1.17.1\"",
                "targetRevision: \"1.17.0\""));
        Files.writeString(from.dir().resolve("catalog/values/qdrant.yaml"), "replicaCount: 2\n");
        from.commitAll("pin qdrant 1.17.0 with two replicas");
        services.apps().addWithValues(ClusterName.of("from"), new CustomApp("podinfo", "https://stefanprodan.github.io/podinfo",
                "podinfo", "6.10.1", "podinfo"), "replicaCount: 3\n");
        services.agents().create(ClusterName.of("from"), "researcher", new AgentSpec(null, null, null, "2Gi", null,
                List.of("qdrant"), List.of("api.anthropic.com"), null));
        Path file = home.resolve("team-rag.yaml");
        call(ShareOps.EXPORT, new ShareOps.ExportInput("from", "team-rag", "RAG for the team", file));
        return file;
    }

    @Test
    void anExportedBundleRecordsAppsVersionsChangedValuesCustomAppsAndAgentsWithADigest() throws Exception {
        String text = Files.readString(exportedBundle());

        assertThat(text).startsWith("apiVersion: sikifanso.io/v1alpha1\nkind: ProfileBundle\n")
                .contains("name: team-rag", "exportedFrom: from@")
                .contains("  - name: qdrant\n    version: 1.17.0\n    values:\n      replicaCount: 2\n")
                .contains("- name: langfuse\n    version: ", "- name: podinfo", "replicaCount: 3",
                        "- name: researcher", "api.anthropic.com", "memoryLimit: 2Gi")
                .containsPattern("digest: sha256:[0-9a-f]{64}");
        // Values the built-in catalog already has are not repeated: langfuse's are the template's.
        assertThat(text.substring(text.indexOf("- name: langfuse"), text.indexOf("- name: langfuse") + 60))
                .doesNotContain("values");
    }

    @Test
    void applyingABundleMakesTheOtherClusterTheSameInOneCommit() throws Exception {
        Path file = exportedBundle();
        GitCli to = repo("to");
        int commits = to.subjects().size();

        ProfileBundles.Applied applied = call(ShareOps.BUNDLE_APPLY,
                new ShareOps.BundleApplyInput("to", file.toString(), false));

        assertThat(to.subjects()).hasSize(commits + 1);
        assertThat(to.subjects().get(0)).startsWith("profile bundle team-rag (sha256:")
                .contains("enable ", "langfuse", "pin qdrant@1.17.0", "values of qdrant", "custom apps podinfo",
                        "agents researcher");
        assertThat(to.status()).isEmpty();
        assertThat(applied.enabled()).contains("langfuse", "qdrant", "postgresql");
        assertThat(Files.readString(to.dir().resolve("catalog/qdrant.yaml"))).contains("targetRevision: \"1.17.0\"",
                "enabled: true");
        assertThat(Files.readString(to.dir().resolve("catalog/values/qdrant.yaml"))).isEqualTo("replicaCount: 2\n");
        assertThat(Files.readString(to.dir().resolve("apps/values/podinfo.yaml"))).isEqualTo("replicaCount: 3\n");
        assertThat(Files.readString(to.dir().resolve("agents/values/researcher.yaml")))
                .isEqualTo(Files.readString(repo("from").dir().resolve("agents/values/researcher.yaml")));
        // The two clusters now export the same bundle content.
        ProfileBundle again = services.profileBundles().export(ClusterName.of("to"), "team-rag", "RAG for the team");
        ProfileBundle original = SharedDocuments.read(Files.readAllBytes(file), "f", DocumentKind.PROFILE_BUNDLE,
                ProfileBundle.class);
        assertThat(again.apps()).isEqualTo(original.apps());
        assertThat(again.customApps()).isEqualTo(original.customApps());
        assertThat(again.agents()).isEqualTo(original.agents());

        ProfileBundles.Applied twice = call(ShareOps.BUNDLE_APPLY,
                new ShareOps.BundleApplyInput("to", file.toString(), false));
        assertThat(twice.commit()).isEmpty();
        assertThat(to.subjects()).hasSize(commits + 1);
    }

    @Test
    void aBundleNamingAnAppTheCatalogLacksIsRefusedAndNothingChanges() throws Exception {
        Path file = Files.writeString(home.resolve("b.yaml"), """
                apiVersion: sikifanso.io/v1alpha1
                kind: ProfileBundle
                metadata: {name: odd}
                apps:
                  - {name: qdrant}
                  - {name: vllm-turbo}
                """);
        String head = repo("to").head();

        assertThatThrownBy(() -> call(ShareOps.BUNDLE_APPLY, new ShareOps.BundleApplyInput("to", file.toString(),
                false)))
                .isInstanceOf(SikifansoException.class)
                .hasMessageContaining("names apps this cluster's catalog lacks: vllm-turbo")
                .extracting(e -> ((SikifansoException) e).hint()).asString().contains("add them to catalog/");
        assertThat(repo("to").head()).isEqualTo(head);
    }

    @Test
    void anEditedBundleIsRefusedByItsDigestUnlessTheDigestLineIsRemoved() throws Exception {
        Path file = exportedBundle();
        Files.writeString(file, Files.readString(file).replace("replicaCount: 3", "replicaCount: 30"));
        String head = repo("to").head();

        assertThatThrownBy(() -> call(ShareOps.BUNDLE_APPLY, new ShareOps.BundleApplyInput("to", file.toString(),
                false)))
                .hasMessageContaining("does not match its content").hasMessageContaining("edited or damaged");
        assertThat(repo("to").head()).isEqualTo(head);

        Files.writeString(file, Files.readString(file).replaceAll("(?m)^digest: .*\n", ""));
        call(ShareOps.BUNDLE_APPLY, new ShareOps.BundleApplyInput("to", file.toString(), false));
        assertThat(Files.readString(repo("to").dir().resolve("apps/values/podinfo.yaml"))).contains("30");
    }

    /** An agent whose sandbox runs a program of its own, as an agent template makes it. */
    static final AgentValues.Workload SCOUT_WORKLOAD = new AgentValues.Workload("ghcr.io/team/scout:1.2.0",
            List.of("python", "-m", "scout"), List.of("--serve"), Map.of("MODE", "research"));

    @Test
    void agentsTravelWithTheirWorkloadThroughAGitRef_andTheDigestCoversTheWorkload() throws Exception {
        services.agents().create(ClusterName.of("from"), "scout", new AgentSpec(null, null, null, null, null,
                List.of(), List.of(), null, null, null, SCOUT_WORKLOAD));
        Path bundle = home.resolve("scouts.yaml");
        call(ShareOps.EXPORT, new ShareOps.ExportInput("from", "scouts", null, bundle));
        GitCli shared = new GitCli(Files.createDirectories(home.resolve("shared")));
        shared.run("init", "-q", "--initial-branch=main");
        Files.copy(bundle, shared.dir().resolve("scouts.yaml"));
        shared.commitAll("scouts v1");
        shared.run("tag", "v1");

        assertThat(Files.readString(bundle)).contains("  - name: scout\n    allow: []\n    workload:\n"
                + "      image: ghcr.io/team/scout:1.2.0\n", "MODE: research", "--serve");
        call(ShareOps.BUNDLE_APPLY, new ShareOps.BundleApplyInput("to", "git+file://" + shared.dir()
                + "//scouts.yaml@v1", false));

        assertThat(Files.readString(repo("to").dir().resolve("agents/values/scout.yaml")))
                .as("the same sandbox and the same workload Deployment values")
                .isEqualTo(Files.readString(repo("from").dir().resolve("agents/values/scout.yaml")))
                .contains("ghcr.io/team/scout:1.2.0");
        assertThat(services.profileBundles().export(ClusterName.of("to"), "scouts", null).agents())
                .singleElement().satisfies(a -> assertThat(a.workload()).isEqualTo(SCOUT_WORKLOAD));

        Files.writeString(bundle, Files.readString(bundle).replace("scout:1.2.0", "scout:6.6.6"));
        String head = repo("to").head();
        assertThatThrownBy(() -> call(ShareOps.BUNDLE_APPLY, new ShareOps.BundleApplyInput("to", bundle.toString(),
                false))).hasMessageContaining("does not match its content");
        assertThat(repo("to").head()).isEqualTo(head);
    }

    @Test
    void aBundlesWorkloadIsCheckedAsAgentCreateChecksIt() throws Exception {
        Path bad = Files.writeString(home.resolve("bad.yaml"), """
                apiVersion: sikifanso.io/v1alpha1
                kind: ProfileBundle
                metadata: {name: bad}
                agents:
                  - name: scout
                    workload: {image: "not an image"}
                """);
        String head = repo("to").head();

        assertThatThrownBy(() -> call(ShareOps.BUNDLE_APPLY, new ShareOps.BundleApplyInput("to", bad.toString(),
                false))).hasMessageContaining("workload image \"not an image\" is not an image reference");
        assertThat(repo("to").head()).isEqualTo(head);
    }

    @Test
    void aDocumentOfAnotherKindOrVersionIsRefusedWithWhatItIs() throws Exception {
        Path cluster = Files.writeString(home.resolve("c.yaml"), "apiVersion: sikifanso.io/v1alpha1\nkind: Cluster\n");
        Path newer = Files.writeString(home.resolve("n.yaml"),
                "apiVersion: sikifanso.io/v2\nkind: ProfileBundle\nmetadata: {name: x}\n");
        Path typo = Files.writeString(home.resolve("t.yaml"),
                "apiVersion: sikifanso.io/v1alpha1\nkind: ProfileBundle\nmetadata: {name: x}\napp: [qdrant]\n");

        assertThatThrownBy(() -> call(ShareOps.PULL, new ShareOps.PullInput(cluster.toString(), null)))
                .hasMessageContaining("is a Cluster, not a ProfileBundle");
        assertThatThrownBy(() -> call(ShareOps.PULL, new ShareOps.PullInput(newer.toString(), null)))
                .hasMessageContaining("apiVersion \"sikifanso.io/v2\", which this sikifanso does not read")
                .extracting(e -> ((SikifansoException) e).hint()).asString().contains("upgrade sikifanso");
        assertThatThrownBy(() -> call(ShareOps.PULL, new ShareOps.PullInput(typo.toString(), null)))
                .hasMessageContaining("unknown field \"app\"");
    }

    @Test
    void aBundleIsAppliedFromAGitRefAtATagABranchOrACommit() throws Exception {
        Path bundle = exportedBundle();
        GitCli shared = new GitCli(Files.createDirectories(home.resolve("shared")));
        shared.run("init", "-q", "--initial-branch=main");
        Files.createDirectories(shared.dir().resolve("profiles"));
        Files.copy(bundle, shared.dir().resolve("profiles/team-rag.yaml"));
        shared.commitAll("team-rag v1");
        shared.run("tag", "v1");
        String url = "git+file://" + shared.dir();

        ProfileBundle pulled = call(ShareOps.PULL, new ShareOps.PullInput(url + "//profiles/team-rag.yaml@v1",
                null)).bundle();
        assertThat(pulled.name()).isEqualTo("team-rag");
        assertThat(call(ShareOps.PULL, new ShareOps.PullInput(url + "//profiles/team-rag.yaml@main", null))
                .bundle()).isEqualTo(pulled);
        assertThat(call(ShareOps.PULL, new ShareOps.PullInput(url + "//profiles/team-rag.yaml@" + shared.head(),
                null)).bundle()).isEqualTo(pulled);

        call(ShareOps.BUNDLE_APPLY, new ShareOps.BundleApplyInput("to", url + "//profiles/team-rag.yaml@v1", false));
        assertThat(repo("to").subjects().get(0)).startsWith("profile bundle team-rag");

        assertThatThrownBy(() -> call(ShareOps.PULL, new ShareOps.PullInput(url + "//profiles/team-rag.yaml@v9",
                null))).hasMessageContaining("has no branch, tag or commit \"v9\"");
        assertThatThrownBy(() -> call(ShareOps.PULL, new ShareOps.PullInput(url + "//profiles/other.yaml@v1",
                null))).hasMessageContaining("there is no file profiles/other.yaml at v1");
        assertThatThrownBy(() -> call(ShareOps.PULL, new ShareOps.PullInput("git+file://" + home.resolve("none")
                + "//p.yaml@v1", null))).hasMessageContaining("git cannot fetch");
    }

    @Test
    void badReferencesAreUsageErrorsShowingTheForm() {
        assertThatThrownBy(() -> ShareRef.parse("s3://bucket/x.yaml")).hasMessageContaining("has a scheme")
                .extracting(e -> ((SikifansoException) e).exitCode()).isEqualTo(SikifansoException.USAGE);
        assertThatThrownBy(() -> ShareRef.parse("git+https://github.com/team/infra@v1"))
                .hasMessageContaining("not a git reference with a path and a ref");
        assertThatThrownBy(() -> ShareRef.parse("oci://ghcr.io/Team/Profiles"))
                .hasMessageContaining("not an OCI reference with a tag or digest");
        assertThatThrownBy(() -> ShareRef.parseOci("bundle.yaml")).hasMessageContaining("is not an OCI reference");
        assertThat(ShareRef.parse("git+https://github.com/team/infra//profiles/rag.yaml@v1"))
                .isEqualTo(new ShareRef.Git("https://github.com/team/infra", "profiles/rag.yaml", "v1",
                        "git+https://github.com/team/infra//profiles/rag.yaml@v1"));
        assertThat(ShareRef.parse("oci://127.0.0.1:5000/team/profiles:v1")).isInstanceOfSatisfying(ShareRef.Oci.class,
                o -> assertThat(o.loopback()).isTrue());
    }
}
