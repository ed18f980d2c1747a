package com.sikifanso.agents;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.Services;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.SikifansoHome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AgentServiceTest {
    private static final String CLUSTER = "lab";

    @TempDir
    Path home;

    private Services services;
    private Path repo;

    @BeforeEach
    void prepareCluster() {
        services = new Services(new BuildInfo("test", "none"), new SikifansoHome(home), Duration.ofSeconds(5),
                msg -> { });
        services.clusters().prepare(ClusterName.of(CLUSTER), new TemplateSource.Embedded(), null);
        repo = home.resolve("clusters").resolve(CLUSTER).resolve("gitops");
    }

    private static AgentSpec spec(String cpuRequest, String cpuLimit, String memoryLimit, String pods,
                                  List<String> allow) {
        return new AgentSpec(cpuRequest, cpuLimit, null, memoryLimit, pods, allow, null, null);
    }

    private static final AgentSpec NO_CHANGE = new AgentSpec(null, null, null, null, null, null, null, null);

    @Test
    void createWritesBothFilesInOneCommitWithDefaults() throws Exception {
        AgentService.Agent agent = services.agents().create(ClusterName.of(CLUSTER), "researcher", NO_CHANGE);

        assertThat(agent.namespace()).isEqualTo("agent-researcher");
        assertThat(agent.values().quota()).isEqualTo(new AgentValues.Quota("250m", "1000m", "256Mi", "1Gi", 10));
        assertThat(agent.values().allow()).extracting(AgentValues.AllowedService::name)
                .containsExactly("litellm-proxy", "qdrant", "postgresql", "valkey");
        assertThat(agent.values().allow()).extracting(AgentValues.AllowedService::port)
                .containsExactly(4000, 6333, 5432, 6379);
        assertThat(repo.resolve("agents/researcher.yaml")).content()
                .isEqualTo("name: researcher\nnamespace: agent-researcher\n");
        List<RevCommit> log = log();
        assertThat(log).hasSize(2);
        assertThat(log.get(0).getFullMessage()).startsWith("agent: create researcher");
        assertThat(log.get(0).getAuthorIdent().getEmailAddress()).isEqualTo("sikifanso@local");
        assertThat(clean()).isTrue();
    }

    @Test
    void containerDefaultsNeverExceedTheQuota() {
        AgentService.Agent agent = services.agents().create(ClusterName.of(CLUSTER), "tiny",
                new AgentSpec("50m", "200m", "32Mi", "64Mi", "1", List.of(), null, null));

        AgentValues.Resources defaults = agent.values().containerDefaults();
        assertThat(defaults.cpuRequest()).isEqualTo("50m");
        assertThat(defaults.cpuLimit()).isEqualTo("200m");
        assertThat(defaults.memoryLimit()).isEqualTo("64Mi");
        assertThat(agent.values().allow()).isEmpty();
    }

    @Test
    void updateChangesOnlyTheGivenFieldsInOneCommit() throws Exception {
        services.agents().create(ClusterName.of(CLUSTER), "coder", NO_CHANGE);

        AgentService.Agent updated = services.agents().update(ClusterName.of(CLUSTER), "coder",
                new AgentSpec(null, null, null, "4Gi", null, List.of("litellm-proxy"), List.of("api.github.com"),
                        null));

        assertThat(updated.values().quota().memoryLimit()).isEqualTo("4Gi");
        assertThat(updated.values().quota().cpuLimit()).isEqualTo("1000m");
        assertThat(updated.values().allow()).extracting(AgentValues.AllowedService::name)
                .containsExactly("litellm-proxy");
        assertThat(updated.values().egressFQDNs()).containsExactly(new AgentValues.EgressHost("api.github.com", 443));
        assertThat(log()).hasSize(3);
        assertThat(log().get(0).getFullMessage()).startsWith("agent: update coder");
    }

    @Test
    void updateWithNothingNewMakesNoCommit() throws Exception {
        services.agents().create(ClusterName.of(CLUSTER), "coder", NO_CHANGE);

        AgentService.Agent same = services.agents().update(ClusterName.of(CLUSTER), "coder", NO_CHANGE);

        assertThat(same.commit()).isEmpty();
        assertThat(log()).hasSize(2);
    }

    @Test
    void deleteRemovesBothFilesInOneCommit() throws Exception {
        services.agents().create(ClusterName.of(CLUSTER), "gone", NO_CHANGE);

        services.agents().delete(ClusterName.of(CLUSTER), "gone");

        assertThat(repo.resolve("agents/gone.yaml")).doesNotExist();
        assertThat(repo.resolve("agents/values/gone.yaml")).doesNotExist();
        assertThat(log().get(0).getFullMessage()).isEqualTo("agent: delete gone");
        assertThat(clean()).isTrue();
    }

    record BadInput(String name, AgentSpec spec, String message) {
        @Override
        public String toString() {
            return name + " -> " + message;
        }
    }

    static List<BadInput> badInputs() {
        return List.of(
                new BadInput("Agent_1", NO_CHANGE, "invalid agent name \"Agent_1\""),
                new BadInput("a".repeat(60), NO_CHANGE, "at most 53 characters"),
                new BadInput("cpu", spec("2", "1", null, null, null), "--cpu-request 2 is more than --cpu-limit 1"),
                new BadInput("pods", spec(null, null, null, "0", null), "--pods \"0\" is not a positive whole number"),
                new BadInput("pods", spec(null, null, null, "ten", null), "--pods \"ten\" is not a positive"),
                new BadInput("mem", spec(null, null, "lots", null, null),
                        "--memory-limit \"lots\" is not a Kubernetes quantity"),
                new BadInput("mem", spec(null, null, "-1Gi", null, null),
                        "--memory-limit \"-1Gi\" is negative; a quota cannot be"),
                new BadInput("mem", spec(null, null, "1e99999999999999999999", null, null),
                        "--memory-limit \"1e99999999999999999999\" is not a Kubernetes quantity"),
                new BadInput("allow", spec(null, null, null, null, List.of("not-an-app")),
                        "--allow not-an-app: no such app in the catalog"),
                new BadInput("allow", spec(null, null, null, null, List.of("loki")),
                        "--allow loki: the catalog does not say how agents reach it"),
                new BadInput("fqdn", new AgentSpec(null, null, null, null, null, null, List.of("not a host"), null),
                        "--egress-fqdn \"not a host\" is not host[:port]"),
                new BadInput("psa", new AgentSpec(null, null, null, null, null, null, null, "privileged"),
                        "--pod-security \"privileged\""),
                new BadInput("qdrant", NO_CHANGE, "the name \"qdrant\" is already used by a catalog app"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsRefusedAndLeavesTheRepoUnchanged(BadInput bad) throws Exception {
        String before = head();

        assertThatThrownBy(() -> services.agents().create(ClusterName.of(CLUSTER), bad.name(), bad.spec()))
                .isInstanceOf(SikifansoException.class)
                .hasMessageContaining(bad.message());

        assertThat(head()).isEqualTo(before);
        assertThat(clean()).isTrue();
        assertThat(repo.resolve("agents/" + bad.name() + ".yaml")).doesNotExist();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1Ei", "8Ei", "1e18", "1.5e9", "1e99999999999"})
    void anyKubernetesQuantityIsAcceptedAsAMemoryLimit(String limit) {
        var agent = services.agents().create(ClusterName.of(CLUSTER), "big", spec(null, null, limit, null, null));

        assertThat(agent.values().quota().memoryLimit()).isEqualTo(limit);
        assertThat(agent.values().containerDefaults().memoryLimit()).isEqualTo("512Mi");
    }

    @Test
    void creatingAnExistingAgentIsRefused() {
        services.agents().create(ClusterName.of(CLUSTER), "twice", NO_CHANGE);

        assertThatThrownBy(() -> services.agents().create(ClusterName.of(CLUSTER), "twice", NO_CHANGE))
                .hasMessage("agent \"twice\" already exists");
    }

    @Test
    void deletingAMissingAgentNamesTheOnesThatExist() throws Exception {
        services.agents().create(ClusterName.of(CLUSTER), "present", NO_CHANGE);
        String before = head();

        assertThatThrownBy(() -> services.agents().delete(ClusterName.of(CLUSTER), "missing"))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("no agent named \"missing\"")
                .extracting(e -> ((SikifansoException) e).hint()).isEqualTo("agents: present");
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void anAppCannotTakeAnAgentsName() {
        services.agents().create(ClusterName.of(CLUSTER), "shared", NO_CHANGE);

        assertThatThrownBy(() -> services.apps().add(ClusterName.of(CLUSTER),
                new com.sikifanso.catalog.CustomApp("shared", "https://charts.example", "c", "1.0.0", "shared"), null))
                .hasMessage("the name \"shared\" is already used by an agent");
    }

    @Test
    void policySummarySaysWhatTheAgentMayReach() {
        AgentService.Agent agent = services.agents().create(ClusterName.of(CLUSTER), "reader",
                new AgentSpec(null, null, null, null, null, List.of("qdrant"), List.of("api.anthropic.com"), null));

        AgentPolicy.Summary summary = AgentPolicy.summarise(agent.values());

        assertThat(summary.mayReach()).containsExactly(
                "cluster DNS (kube-dns in kube-system) on 53/UDP and 53/TCP",
                "qdrant pods in namespace rag on 6333/TCP only",
                "api.anthropic.com on 443/TCP (by DNS name)",
                "other pods in its own namespace agent-reader");
        assertThat(summary.denied()).contains("the Kubernetes API server", "the rest of the internet");
    }

    /**
     * The agents ApplicationSet of the original Go template (bootstrap/root-agents.yaml as described in
     * the project's reference notes on the Go implementation, section 4.7): chart coordinates per agent file.
     */
    private static final String GO_ROOT_AGENTS = """
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: agents
              namespace: argocd
            spec:
              syncPolicy:
                applicationsSync: sync
              generators:
                - git:
                    repoURL: /local-gitops
                    revision: HEAD
                    files:
                      - path: "agents/*.yaml"
              template:
                metadata:
                  name: "{{name}}"
                  namespace: argocd
                spec:
                  project: default
                  sources:
                    - repoURL: "{{repoURL}}"
                      chart: "{{chart}}"
                      targetRevision: "{{targetRevision}}"
                      helm:
                        releaseName: "{{name}}"
                        valueFiles:
                          - $values/agents/values/{{name}}.yaml
                    - repoURL: /local-gitops
                      targetRevision: HEAD
                      ref: values
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: "{{namespace}}"
            """;

    @Test
    void aRepoInTheGoTemplatesFormatIsRefusedAtCreateWithTheReason() throws Exception {
        java.nio.file.Files.writeString(repo.resolve("bootstrap/root-agents.yaml"), GO_ROOT_AGENTS);
        try (var catalogFiles = java.nio.file.Files.list(repo.resolve("catalog"))) {
            for (Path f : catalogFiles.filter(java.nio.file.Files::isRegularFile).toList()) {
                String text = java.nio.file.Files.readString(f);
                int access = text.indexOf("agentAccess:");
                java.nio.file.Files.writeString(f, access < 0 ? text : text.substring(0, access));
            }
        }
        try (Git git = Git.open(repo.toFile())) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("the Go template's format").setAuthor("t", "t@local").setCommitter("t", "t@local")
                    .call();
        }
        String before = head();

        for (AgentSpec spec : List.of(new AgentSpec(null, null, null, null, null, List.of(), null, null), NO_CHANGE)) {
            assertThatThrownBy(() -> services.agents().create(ClusterName.of(CLUSTER), "bob", spec))
                    .isInstanceOf(SikifansoException.class)
                    .hasMessageContaining("original Go template's agent format")
                    .hasMessageContaining("{{chart}}, {{repoURL}}, {{targetRevision}}")
                    .hasMessageContaining("no catalog entry has agentAccess");
        }
        assertThat(head()).isEqualTo(before);
        assertThat(repo.resolve("agents/bob.yaml")).doesNotExist();
        assertThat(clean()).isTrue();
    }

    @Test
    void theEmbeddedTemplatesFormatIsRenderable() {
        com.sikifanso.catalog.Catalog catalog = com.sikifanso.catalog.Catalog.load(repo);

        AgentTemplateFormat.requireRenderable(repo, catalog);
    }

    private List<RevCommit> log() throws IOException, GitAPIException {
        try (Git git = Git.open(repo.toFile())) {
            return java.util.stream.StreamSupport.stream(git.log().call().spliterator(), false).toList();
        }
    }

    private String head() throws IOException, GitAPIException {
        return log().get(0).getName();
    }

    private boolean clean() throws IOException, GitAPIException {
        try (Git git = Git.open(repo.toFile())) {
            return git.status().call().isClean();
        }
    }
}
