package com.sikifanso.ops;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.GitCli;
import com.sikifanso.Services;
import com.sikifanso.catalog.CatalogEntryFiles;
import com.sikifanso.share.DocumentKind;
import com.sikifanso.share.ProfileBundle;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.clusterfile.ClusterFile;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --gpus in the GitOps repo (real repos, --gitops-only: the nodes' device requests are GpuNodesTest's) and in the
 * session, which cluster config writes back out; --registry-create's bad inputs (the registry itself is
 * RegistryCreateTest's).
 */
class GpusAndRegistryCreateTest {
    @TempDir
    Path home;

    private Services services;

    @BeforeEach
    void noDocker() {
        services = NoDockerServices.on(home);
    }

    private <I extends Record, O extends Record> O call(Operation<I, O> op, I input) {
        return NoDockerServices.invoke(services, op, input);
    }

    @Test
    void aClusterWithGpusEnablesTheDevicePluginAndOllamaAsksForThem() throws Exception {
        call(ClusterOps.CLUSTER_CREATE, ClusterOps.ClusterCreateInput.builder("gpulab").gitopsOnly(true).gpus("2")
                .build());

        Path repo = home.resolve("clusters/gpulab/gitops");
        assertThat(Catalog.load(repo).get("nvidia-device-plugin").enabled()).isTrue();
        assertThat(Catalog.load(repo).get("ollama").enabled()).as("ollama itself stays as the user has it").isFalse();
        var values = Mappers.YAML.readTree(repo.resolve("catalog/values/ollama.yaml").toFile());
        assertThat(values.at("/ollama/gpu/enabled").asBoolean()).isTrue();
        assertThat(values.at("/ollama/gpu/number").asInt()).isEqualTo(2);
        assertThat(values.at("/ollama/gpu/type").asText()).isEqualTo("nvidia");
        assertThat(values.get("runtimeClassName").asText()).isEqualTo("nvidia");
        assertThat(values.at("/ollama/models/pull/0").asText()).isEqualTo("llama3.2:1b");
        assertThat(Catalog.load(repo).get("vllm").enabled()).as("vllm too, its values ready").isFalse();
        var vllm = Mappers.YAML.readTree(repo.resolve("catalog/values/vllm.yaml").toFile());
        assertThat(vllm.at("/servingEngineSpec/runtimeClassName").asText()).isEqualTo("nvidia");
        assertThat(vllm.at("/servingEngineSpec/modelSpec/0/requestGPU").asInt()).isEqualTo(2);
        assertThat(vllm.at("/servingEngineSpec/modelSpec/0/requestGPUType").asText()).isEqualTo("nvidia.com/gpu");
        assertThat(vllm.at("/servingEngineSpec/modelSpec/0/vllmConfig/tensorParallelSize").asInt()).isEqualTo(2);
        assertThat(vllm.at("/servingEngineSpec/modelSpec/0/modelURL").asText()).isEqualTo("Qwen/Qwen2.5-0.5B-Instruct");
        assertThat(messages(repo)).startsWith("catalog: vllm asks for 2 nvidia.com/gpu (the cluster has GPUs)",
                "catalog: ollama asks for 2 nvidia.com/gpu (the cluster has GPUs)",
                "catalog: enable nvidia-device-plugin");
    }

    @Test
    void vllmEnabledLaterOnAClusterWithGpusAsksForThem() throws IOException {
        call(ClusterOps.CLUSTER_CREATE, ClusterOps.ClusterCreateInput.builder("gpulater").gitopsOnly(true).gpus("all")
                .build());
        nodesMadeWith("gpulater", "all");

        call(CatalogOps.ENABLE, new CatalogOps.EnableInput("gpulater", List.of("vllm"), false));

        Path repo = home.resolve("clusters/gpulater/gitops");
        assertThat(Catalog.load(repo).get("vllm").enabled()).isTrue();
        var vllm = Mappers.YAML.readTree(repo.resolve("catalog/values/vllm.yaml").toFile());
        assertThat(vllm.at("/servingEngineSpec/runtimeClassName").asText()).isEqualTo("nvidia");
        assertThat(vllm.at("/servingEngineSpec/modelSpec/0/requestGPU").asInt()).isEqualTo(1);
    }

    @Test
    void vllmOnNodesMadeWithoutGpusIsRefusedAndNothingIsWritten() throws Exception {
        call(ClusterOps.CLUSTER_CREATE, ClusterOps.ClusterCreateInput.builder("cpunodes").gitopsOnly(true).build());
        nodesMadeWith("cpunodes", null);
        Path repo = home.resolve("clusters/cpunodes/gitops");
        List<String> before = messages(repo);

        assertThatThrownBy(() -> call(CatalogOps.ENABLE, new CatalogOps.EnableInput("cpunodes",
                List.of("qdrant", "vllm"), false)))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("vllm needs an NVIDIA GPU, and the nodes of cluster cpunodes were made without --gpus")
                .satisfies(e -> assertThat(((SikifansoException) e).hint()).isEqualTo("its image runs only on a GPU; "
                        + "create a cluster whose nodes have GPUs: sikifanso cluster create NAME --gpus all --image "
                        + "IMAGE (IMAGE a CUDA-enabled k3s image, built as k3d's CUDA guide does)"));
        assertThatThrownBy(() -> call(CatalogOps.CHANGE, new CatalogOps.ChangeInput("cpunodes", List.of("vllm"),
                List.of(), false))).as("the catalog browser's staged changes too")
                .hasMessage("vllm needs an NVIDIA GPU, and the nodes of cluster cpunodes were made without --gpus");
        Path bundle = home.resolve("gpu-bundle.yaml");
        Files.writeString(bundle, """
                apiVersion: sikifanso.io/v1alpha1
                kind: ProfileBundle
                metadata: {name: made-on-gpus}
                apps:
                  - name: qdrant
                  - name: vllm
                """);
        assertThatThrownBy(() -> call(ShareOps.BUNDLE_APPLY, new ShareOps.BundleApplyInput("cpunodes",
                bundle.toString(), false))).as("a profile bundle exported from a cluster with GPUs too")
                .hasMessage("vllm needs an NVIDIA GPU, and the nodes of cluster cpunodes were made without --gpus");
        assertThat(messages(repo)).isEqualTo(before);
        assertThat(Catalog.load(repo).get("qdrant").enabled()).isFalse();
    }

    /**
     * The refusal lives in the catalog service, not in the operations: a caller that reaches the services without
     * an operation (a cluster file applied to a cluster, a bundle applied in code) is refused too, and so is an app
     * that pulls vLLM in as a dependency, which no operation's list of names showed.
     */
    @Test
    void enablingVllmThroughTheServicesDirectlyOrAsADependencyIsRefusedToo() throws Exception {
        call(ClusterOps.CLUSTER_CREATE, ClusterOps.ClusterCreateInput.builder("cpudirect").gitopsOnly(true).build());
        nodesMadeWith("cpudirect", null);
        ClusterName cluster = ClusterName.of("cpudirect");
        Path repo = home.resolve("clusters/cpudirect/gitops");
        CatalogEntryFiles.write(repo.resolve("catalog"), "gpu-chat", CatalogEntryFiles.entry("gpu-chat",
                "https://charts.example.test", "dependsOn:", "  - vllm"));
        new GitCli(repo).commitAll("hand edit: an app on top of vllm");
        List<String> before = messages(repo);
        String refused = "vllm needs an NVIDIA GPU, and the nodes of cluster cpudirect were made without --gpus";

        assertThatThrownBy(() -> services.apps().enable(cluster, List.of("vllm"))).hasMessage(refused);
        assertThatThrownBy(() -> call(CatalogOps.ENABLE, new CatalogOps.EnableInput("cpudirect",
                List.of("gpu-chat"), false))).as("vllm as a dependency").hasMessage(refused);
        assertThatThrownBy(() -> services.clusterFiles().apply(cluster, new ClusterFile(ClusterFile.API_VERSION,
                ClusterFile.KIND, null, null, null, null, null, null, List.of("vllm"), null, null, null)))
                .as("a cluster file applied to an existing cluster").hasMessage(refused);
        assertThatThrownBy(() -> services.profileBundles().apply(cluster, new ProfileBundle(DocumentKind.API_VERSION,
                DocumentKind.PROFILE_BUNDLE.kind(), new ProfileBundle.Metadata("made-on-gpus", null, null),
                List.of(), List.of(new ProfileBundle.App("vllm", null, null)), List.of(), List.of(), null), "in code"))
                .as("a bundle applied without profile_bundle_apply").hasMessage(refused);
        assertThat(messages(repo)).isEqualTo(before);
        assertThat(Catalog.load(repo).get("vllm").enabled()).isFalse();
    }

    @Test
    void vllmOnARepoWithoutNodesIsLetThroughAsItsGpusAreNotKnown() {
        call(ClusterOps.CLUSTER_CREATE, ClusterOps.ClusterCreateInput.builder("reponly").gitopsOnly(true).build());

        call(CatalogOps.ENABLE, new CatalogOps.EnableInput("reponly", List.of("vllm"), false));

        assertThat(Catalog.load(home.resolve("clusters/reponly/gitops")).get("vllm").enabled()).isTrue();
    }

    @Test
    void aClusterFileEnablingVllmOnNodesWithoutGpusIsRefusedBeforeAnythingIsMade() throws IOException {
        Path file = Files.writeString(home.resolve("vllm-lab.yaml"), """
                apiVersion: sikifanso.io/v1alpha1
                kind: Cluster
                apps:
                  - vllm
                """);

        assertThatThrownBy(() -> call(ClusterOps.CLUSTER_CREATE, ClusterOps.ClusterCreateInput.builder("vllmlab")
                .config(file).build()))
                .hasMessage("apps: vllm needs an NVIDIA GPU, and the nodes would have none")
                .satisfies(e -> assertThat(((SikifansoException) e).hint()).isEqualTo("write nodes: {gpus: all} in "
                        + "the file, or give the flag: sikifanso cluster create NAME --gpus all --image IMAGE (IMAGE a "
                        + "CUDA-enabled k3s image, built as k3d's CUDA guide does)"));
        assertThat(home.resolve("clusters")).doesNotExist();
    }

    /** The session as a create leaves it once its nodes exist (they cannot start here). */
    private void nodesMadeWith(String cluster, String gpus) {
        SessionStore sessions = services.sessions();
        Session s = sessions.load(ClusterName.of(cluster));
        sessions.save(new Session(s.clusterName(), s.state(), s.createdAt(), s.bootstrapURL(), s.bootstrapVersion(),
                s.gitOpsPath(), s.services(), new Session.K3dConfig("rancher/k3s:v1.36.3-k3s1", 1, 0, null, gpus,
                        null), s.ports()));
    }

    @Test
    void aClusterWithoutGpusLeavesOllamaOnTheCpu() throws IOException {
        call(ClusterOps.CLUSTER_CREATE, ClusterOps.ClusterCreateInput.builder("cpulab").gitopsOnly(true).build());

        Path repo = home.resolve("clusters/cpulab/gitops");
        assertThat(Catalog.load(repo).get("nvidia-device-plugin").enabled()).isFalse();
        assertThat(Files.readString(repo.resolve("catalog/values/ollama.yaml"))).doesNotContain("gpu", "runtimeClass");
    }

    @Test
    void theGpusOfTheNodesAreKeptInTheSessionAndClusterConfigWritesThem() {
        call(ClusterOps.CLUSTER_CREATE, ClusterOps.ClusterCreateInput.builder("kept").gitopsOnly(true).build());
        SessionStore sessions = services.sessions();
        Session s = sessions.load(ClusterName.of("kept"));
        // What a create with --gpus all records once its nodes exist (they cannot start here: no NVIDIA runtime).
        sessions.save(new Session(s.clusterName(), s.state(), s.createdAt(), s.bootstrapURL(), s.bootstrapVersion(),
                s.gitOpsPath(), s.services(), new Session.K3dConfig("rancher/k3s:v1.36.3-k3s1", 1, 0, null, "all",
                        null), s.ports()));

        ClusterFile described = call(ClusterFileOps.CLUSTER_CONFIG, new ClusterOps.ClusterRef("kept")).file();

        assertThat(described.nodes()).isEqualTo(new ClusterFile.Nodes("rancher/k3s:v1.36.3-k3s1", 1, 0, "all"));
        assertThat(sessions.load(ClusterName.of("kept")).k3dConfig().gpus()).isEqualTo("all");
    }

    @Test
    void aRegistryPortOutOfRangeOrWithoutNodesIsRefusedAndNothingIsMade() {
        assertThatThrownBy(() -> call(ClusterOps.CLUSTER_CREATE, registryCreate("badport", false, 70000)))
                .hasMessage("--registry-create takes a host port from 1 to 65535, not 70000");
        assertThatThrownBy(() -> call(ClusterOps.CLUSTER_CREATE, registryCreate("repoonly", true, 5001)))
                .hasMessage("--registry-create and --gitops-only exclude each other");
        assertThat(home.resolve("clusters")).doesNotExist();
    }

    private static ClusterOps.ClusterCreateInput registryCreate(String name, boolean gitopsOnly, int port) {
        return ClusterOps.ClusterCreateInput.builder(name).gitopsOnly(gitopsOnly).registryCreate(port, null).build();
    }

    private static List<String> messages(Path repo) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            List<String> out = new java.util.ArrayList<>();
            for (RevCommit c : git.log().call()) {
                out.add(c.getShortMessage());
            }
            return out;
        }
    }
}
