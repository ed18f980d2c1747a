package com.sikifanso.ops;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.Services;
import com.sikifanso.cluster.RegistryRequest;
import com.sikifanso.clusterfile.ClusterFile;
import com.sikifanso.clusterfile.ClusterFileParser;
import com.sikifanso.clusterfile.ClusterFiles;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster file into a cluster's GitOps repo and back out again, with real repos (--gitops-only: the nodes' half
 * is ClusterNodesTest's), and flags laid over the file.
 */
class ClusterFileOpsTest {
    private static final String FILE = """
            apiVersion: sikifanso.io/v1alpha1
            kind: Cluster
            metadata:
              name: filelab
            nodes:
              agents: 2
            apps:
              - langfuse
            customApps:
              - name: podinfo
                repo: https://stefanprodan.github.io/podinfo
                chart: podinfo
                version: 6.10.1
                namespace: podinfo
                values:
                  replicaCount: 2
            agents:
              - name: researcher
                allow: [qdrant]
                egressFqdns: [api.anthropic.com]
                memoryLimit: 2Gi
            infra:
              platform:
                agents: 1
              ciliumValues:
                hubble:
                  enabled: false
            """;

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

    private static ClusterOps.ClusterCreateInput create(String name, Path config, String template, Integer agents,
                                                        boolean gitopsOnly) {
        return ClusterOps.ClusterCreateInput.builder(name).gitopsOnly(gitopsOnly).agents(agents).template(template)
                .config(config).build();
    }

    @Test
    void aFilesAppsAgentsAndInfraGoIntoTheRepoAndClusterConfigGivesThemBack() throws IOException {
        Path file = Files.writeString(home.resolve("lab.yaml"), FILE);

        call(ClusterOps.CLUSTER_CREATE, create(null, file, null, null, true));
        ClusterFile described = call(ClusterFileOps.CLUSTER_CONFIG, new ClusterOps.ClusterRef("filelab")).file();

        Path repo = home.resolve("clusters/filelab/gitops");
        assertThat(Files.readString(repo.resolve("infra/platform.yaml"))).isEqualTo("agents: 1\n");
        assertThat(described.apps()).contains("langfuse", "postgresql");
        assertThat(described.customApps()).singleElement().satisfies(a -> {
            assertThat(a.chart()).isEqualTo("podinfo");
            assertThat(a.values().get("replicaCount").asInt()).isEqualTo(2);
        });
        assertThat(described.agents()).singleElement().isEqualTo(new ClusterFile.AgentEntry("researcher",
                List.of("qdrant"), List.of("api.anthropic.com:443"), null, null, null, "2Gi", null, null));
        assertThat(described.infra().platform().get("agents").asInt()).isEqualTo(1);
        assertThat(described.infra().ciliumValues().at("/hubble/enabled").asBoolean(true)).isFalse();
        // What cluster config prints reads back as the same file.
        String text = ClusterFileOps.CLUSTER_CONFIG.render(new ClusterFileOps.ClusterFileDoc(described));
        assertThat(ClusterFileParser.parse(text, "config")).isEqualTo(described);
    }

    @Test
    void theFileOfOneClusterMakesAnotherWithTheSameRepoContent() throws IOException {
        call(ClusterOps.CLUSTER_CREATE, create(null, Files.writeString(home.resolve("lab.yaml"), FILE), null, null,
                true));
        String first = ClusterFiles.yaml(call(ClusterFileOps.CLUSTER_CONFIG, new ClusterOps.ClusterRef("filelab"))
                .file());
        Path copy = Files.writeString(home.resolve("copy.yaml"), first);

        call(ClusterOps.CLUSTER_CREATE, create("filelab2", copy, null, null, true));

        String second = ClusterFiles.yaml(call(ClusterFileOps.CLUSTER_CONFIG, new ClusterOps.ClusterRef("filelab2"))
                .file());
        assertThat(second).isEqualTo(first.replace("name: filelab\n", "name: filelab2\n"));
    }

    @Test
    void theDryRunPrintsTheFileWithTheFlagsOverItAndMakesNothing() throws IOException {
        Path file = Files.writeString(home.resolve("lab.yaml"), FILE);

        ClusterFile resolved = call(ClusterFileOps.CLUSTER_CREATE_DRY_RUN, create("other", file, null, 5, false))
                .file();

        assertThat(resolved.name()).isEqualTo("other");
        assertThat(resolved.nodes().agents()).isEqualTo(5);
        assertThat(resolved.apps()).containsExactly("langfuse");
        assertThat(home.resolve("clusters")).doesNotExist();
    }

    @Test
    void theDryRunKeepsTheRegistryNameGivenOnTheCommandLine() throws IOException {
        Path file = Files.writeString(home.resolve("lab.yaml"), FILE);
        ClusterOps.ClusterCreateInput named = ClusterOps.ClusterCreateInput.builder("reglab").config(file)
                .registryCreate(5001, RegistryRequest.parse("team-registry:5001").name()).build();

        ClusterFile resolved = call(ClusterFileOps.CLUSTER_CREATE_DRY_RUN, named).file();

        assertThat(resolved.registry()).isEqualTo(new ClusterFile.Registry(true, "team-registry", 5001, null));
        String text = ClusterFileOps.CLUSTER_CREATE_DRY_RUN.render(new ClusterFileOps.ClusterFileDoc(resolved));
        assertThat(text).contains("registry:\n  create: true\n  name: team-registry\n  port: 5001\n");
        assertThat(ClusterFileParser.parse(text, "dry-run")).isEqualTo(resolved);
    }

    @Test
    void clusterConfigKeepsAGivenRegistryNameAndLeavesOutK3dsDefault() {
        call(ClusterOps.CLUSTER_CREATE, create("named-reg", null, null, null, true));
        call(ClusterOps.CLUSTER_CREATE, create("default-reg", null, null, null, true));
        // The nodes' half (a real registry container) is ClusterNodesTest's: here the session says what was made.
        madeRegistry("named-reg", "team-registry");
        madeRegistry("default-reg", "k3d-default-reg-registry");

        ClusterFile named = call(ClusterFileOps.CLUSTER_CONFIG, new ClusterOps.ClusterRef("named-reg")).file();
        ClusterFile unnamed = call(ClusterFileOps.CLUSTER_CONFIG, new ClusterOps.ClusterRef("default-reg")).file();

        assertThat(named.registry()).isEqualTo(new ClusterFile.Registry(true, "team-registry", null, null));
        assertThat(unnamed.registry()).isEqualTo(new ClusterFile.Registry(true, null, null, null));
        String text = ClusterFileOps.CLUSTER_CONFIG.render(new ClusterFileOps.ClusterFileDoc(named));
        assertThat(text).contains("registry:\n  create: true\n  name: team-registry\n");
        assertThat(ClusterFileParser.parse(text, "config").registry()).isEqualTo(named.registry());
    }

    private void madeRegistry(String cluster, String registry) {
        Session s = services.sessions().load(ClusterName.of(cluster));
        services.sessions().save(new Session(s.clusterName(), s.state(), s.createdAt(), s.bootstrapURL(),
                s.bootstrapVersion(), s.gitOpsPath(), s.services(), new Session.K3dConfig("rancher/k3s:v1.36.3-k3s1",
                        1, 0, null, null, new Session.LocalRegistry(registry, 5001)), s.ports()));
    }

    @Test
    void aTemplateWithoutANameMakesTheDefaultCluster() {
        ClusterFile resolved = call(ClusterFileOps.CLUSTER_CREATE_DRY_RUN, create(null, null, "rag-lab", null, false))
                .file();

        assertThat(resolved.name()).isEqualTo("default");
        assertThat(resolved.profiles()).containsExactly("rag");
    }

    @Test
    void aFileNamingAnUnknownAppLeavesNoClusterBehind() throws IOException {
        Path file = Files.writeString(home.resolve("lab.yaml"), FILE.replace("- langfuse", "- langfusee"));

        assertThatThrownBy(() -> call(ClusterOps.CLUSTER_CREATE, create(null, file, null, null, true)))
                .isInstanceOf(SikifansoException.class).hasMessageContaining("langfusee");
        assertThat(home.resolve("clusters/filelab")).doesNotExist();
    }

    @Test
    void configAndTemplateTogetherAreRefused() throws IOException {
        Path file = Files.writeString(home.resolve("lab.yaml"), FILE);

        assertThatThrownBy(() -> call(ClusterOps.CLUSTER_CREATE, create(null, file, "rag-lab", null, true)))
                .hasMessage("--config and --template exclude each other");
    }

    @Test
    void toolsCanNameATemplateAndServers() {
        ClusterOps.ClusterCreated created = (ClusterOps.ClusterCreated) new OperationRegistry().invoke(
                "cluster_create", Map.of("name", "tpl", "gitopsOnly", true, "template", "agent-lab"),
                new OperationContext(services, msg -> { }));

        assertThat(created.profile()).hasValueSatisfying(p -> assertThat(p.changed()).contains("litellm-proxy"));
        assertThat(services.agents().list(ClusterName.of("tpl"))).extracting(a -> a.name()).containsExactly("lab-agent");
    }

    @Test
    void theToolsTemplateArgumentNamesEveryBuiltInTemplate() throws NoSuchMethodException {
        String description = java.util.Arrays.stream(ClusterOps.ClusterCreateInput.class.getRecordComponents())
                .filter(c -> c.getName().equals("template")).findFirst().orElseThrow()
                .getAnnotation(Param.class).value();

        assertThat(new com.sikifanso.clusterfile.ClusterTemplates(home).all())
                .allSatisfy(t -> assertThat(description).contains(t.name()));
    }

    @Test
    void aFlannelClusterSaysSoInItsRepoAndItsAgentsGetThePlainPolicy() throws IOException {
        Path file = Files.writeString(home.resolve("f.yaml"), """
                apiVersion: sikifanso.io/v1alpha1
                kind: Cluster
                metadata: {name: flannellab}
                network: {cni: flannel}
                agents:
                  - name: worker
                """);

        call(ClusterOps.CLUSTER_CREATE, create(null, file, null, null, true));

        Path repo = home.resolve("clusters/flannellab/gitops");
        assertThat(Files.readString(repo.resolve("infra/platform.yaml"))).isEqualTo("cni: flannel\n");
        assertThat(Files.readString(repo.resolve("agents/values/worker.yaml"))).contains("cni: flannel");
        ClusterFile described = call(ClusterFileOps.CLUSTER_CONFIG, new ClusterOps.ClusterRef("flannellab")).file();
        assertThat(described.cni()).isEqualTo(com.sikifanso.infra.Cni.flannel);
        assertThat(described.infra()).isNull();
        assertThatThrownBy(() -> services.agents().create(ClusterName.of("flannellab"), "web", new com.sikifanso.agents.AgentSpec(
                null, null, null, null, null, null, List.of("example.com"), null)))
                .hasMessageStartingWith("--egress-fqdn needs Cilium");
    }
}
