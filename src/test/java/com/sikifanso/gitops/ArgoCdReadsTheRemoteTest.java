package com.sikifanso.gitops;

import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.LabKubeconfig;
import com.sikifanso.Services;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.ClusterName;
import com.sikifanso.ops.GitOpsOps;
import com.sikifanso.ops.Invocations;
import com.sikifanso.ops.StructuredResults;
import com.sikifanso.ops.Surface;
import com.sikifanso.platform.ArgoCdGitSource;
import com.sikifanso.platform.ArgoCdRequests;
import com.sikifanso.platform.RootApplicationSets;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argo CD reading a cluster's GitOps repo from its remote: the root ApplicationSets point at the remote URL, and the
 * repository Secret (Argo CD v3.4.5's declarative format) carries the credentials git itself answers with. The git
 * servers are real (git http-backend behind Basic auth); no real Argo CD or kube-apiserver can run here, so the API is
 * fabric8's mock server in CRUD mode, with expectations for the server-side applies it cannot answer (415).
 */
@EnableKubernetesMockClient(crud = true)
class ArgoCdReadsTheRemoteTest {
    private static final ClusterName LAB = ClusterName.of(CLUSTER);

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path tmp;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Path servers;

    @BeforeEach
    void runningCluster() throws Exception {
        servers = Files.createDirectories(tmp.resolve("servers"));
        LabKubeconfig.write(tmp.resolve("kubeconfig"), client.getMasterUrl().toString());
        Services services = services(Map.of());
        services.clusters().prepare(LAB, new TemplateSource.Embedded(), null);
        services.sessions().save(services.sessions().load(ClusterName.of(CLUSTER)).withState(ClusterState.RUNNING));
        for (String name : List.of("root", "catalog", "agents")) {
            server.expect().patch().withPath(ArgoCdRequests.SETS + name + "?fieldManager=sikifanso&force=true").andReturn(200,
                    Map.of("apiVersion", "argoproj.io/v1alpha1", "kind", "ApplicationSet", "metadata",
                            Map.of("name", name, "namespace", "argocd"))).once();
        }
    }

    private Services services(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", tmp.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("KUBECONFIG", tmp.resolve("kubeconfig").toString());
        env.remove("SIKIFANSO_GIT_TOKEN");
        env.remove(GitCredentials.SSH_KEY_VARIABLE);
        env.putAll(extra);
        return new Services(BuildInfo.load(), new SikifansoHome(tmp.resolve("home")), Duration.ofSeconds(5),
                lines::add, env);
    }

    private Object remoteSet(Services services, String url) {
        return StructuredResults.of(services.invocations().invoke(GitOpsOps.REMOTE_SET,
                new GitOpsOps.RemoteSetInput(CLUSTER, url), Invocations.Caller.program(Surface.cli, lines::add)));
    }

    private Map<String, String> repositorySecret() {
        Secret secret = client.secrets().inNamespace("argocd").withName(ArgoCdGitSource.REPOSITORY_SECRET).get();
        assertThat(secret).as("Argo CD's repository Secret").isNotNull();
        assertThat(secret.getMetadata().getLabels()).containsEntry("argocd.argoproj.io/secret-type", "repository");
        return ArgoCdRequests.repositorySecret(client);
    }

    private List<JsonNode> appliedSets() throws Exception {
        return ArgoCdRequests.appliedSets(server);
    }

    /** Every file of the repo, .git included: what a push or a snapshot could carry. */
    private String everythingInTheRepo() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(tmp.resolve("home/clusters/lab"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    @Test
    void aRemoteSetOnARunningClusterTurnsArgoCdToItWithTheTokenInASecretAndNowhereElse() throws Exception {
        GitServers.bare(servers.resolve("lab.git"));
        try (GitServers.Http http = new GitServers.Http(servers, "x-access-token", "s3cret-token")) {
            String url = http.url("lab.git");
            Object result = remoteSet(services(Map.of("SIKIFANSO_GIT_TOKEN", "s3cret-token")), url);

            assertThat(repositorySecret()).containsExactlyInAnyOrderEntriesOf(Map.of("type", "git", "url", url,
                    "username", "x-access-token", "password", "s3cret-token"));
            List<JsonNode> sets = appliedSets();
            assertThat(sets).extracting(s -> s.at("/metadata/name").asText())
                    .containsExactly("root", "catalog", "agents");
            for (JsonNode set : sets) {
                assertThat(set.at("/spec/generators/0/git/repoURL").asText()).isEqualTo(url);
                assertThat(set.toString()).doesNotContain("/local-gitops");
            }
            assertThat(Mappers.JSON.writeValueAsString(result)).doesNotContain("s3cret-token");
            assertThat(String.join("\n", lines)).doesNotContain("s3cret-token")
                    .contains("Argo CD reads " + url);
            assertThat(everythingInTheRepo()).as("never in git or the session").doesNotContain("s3cret-token");
        }
    }

    @Test
    void theUsersOwnCredentialHelperAnswersForArgoCd() throws Exception {
        GitServers.bare(servers.resolve("lab.git"));
        try (GitServers.Http http = new GitServers.Http(servers, "alice", "from-the-store")) {
            String url = http.url("lab.git");
            Files.writeString(tmp.resolve(".git-credentials"),
                    url.replace("http://", "http://alice:from-the-store@").replace("/lab.git", "") + "\n");
            Files.writeString(tmp.resolve(".gitconfig"), "[credential]\n\thelper = store\n");

            remoteSet(services(Map.of()), url);

            assertThat(repositorySecret()).containsEntry("username", "alice").containsEntry("password",
                    "from-the-store").containsEntry("url", url);
            assertThat(everythingInTheRepo()).doesNotContain("from-the-store");
        }
    }

    @Test
    void aFileRemoteIsNoPlaceForACluster_ArgoCdKeepsTheMountAndTheApiIsNotAsked() throws Exception {
        Path bare = GitServers.bare(servers.resolve("lab.git"));
        int before = server.getRequestCount();

        remoteSet(services(Map.of()), "file://" + bare);

        assertThat(server.getRequestCount()).isEqualTo(before);
        assertThat(lines).anyMatch(l -> l.contains("Argo CD keeps reading /local-gitops"));
    }

    @Test
    void everyRepoUrlNamingTheMountNamesTheRemoteAndChartSourcesStayAsTheyAre() {
        List<ObjectNode> template = RootApplicationSets.read(tmp.resolve("home/clusters/lab/gitops"));
        String url = "https://git.example.org/team/lab.git";

        List<ObjectNode> remote = ArgoCdGitSource.readingFrom(template, url);

        for (int i = 0; i < template.size(); i++) {
            String before = template.get(i).toString();
            String after = remote.get(i).toString();
            assertThat(before).as("the repo's own manifests are not changed").contains("\"/local-gitops\"");
            assertThat(after).doesNotContain("/local-gitops")
                    .isEqualTo(before.replace("\"/local-gitops\"", "\"" + url + "\""));
        }
        assertThat(remote.get(1).at("/spec/template/spec/sources/0/repoURL").asText()).isEqualTo("{{repoURL}}");
        assertThat(remote.get(2).at("/spec/template/spec/sources/0/repoURL").asText()).isEqualTo(url);
    }

    @Test
    void sshRemotesGetAKeyFileNeverTheAgentsAndNeverAPassphrasedOne() throws Exception {
        Path ssh = Files.createDirectories(tmp.resolve(".ssh"));
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----\n";
        Path gitops = tmp.resolve("home/clusters/lab/gitops");
        Map<String, String> env = Map.of("HOME", tmp.toString(), "GIT_CONFIG_NOSYSTEM", "1");

        assertThatThrownBy(() -> new GitCredentials(gitops, env).forUrl("git@git.example.org:team/lab.git"))
                .isInstanceOf(SikifansoException.class).hasMessageContaining("needs a private key file")
                .satisfies(e -> assertThat(((SikifansoException) e).hint()).contains("SIKIFANSO_GIT_SSH_KEY"));

        Files.writeString(ssh.resolve("id_ed25519"), key);
        GitCredentials.Credentials found = new GitCredentials(gitops, env).forUrl("ssh://git@git.example.org/lab.git");
        assertThat(found.sshPrivateKey()).isEqualTo(key);
        assertThat(found.toString()).doesNotContain("b3BlbnNzaC1rZXktdjE");
        Secret secret = ArgoCdGitSource.repositorySecret("ssh://git@git.example.org/lab.git", found);
        assertThat(secret.getData()).containsOnlyKeys("type", "url", "sshPrivateKey");

        Path deploy = Files.writeString(tmp.resolve("deploy-key"), key.replace("b3Bl", "ZGVw"));
        Map<String, String> chosen = Map.of("HOME", tmp.toString(), GitCredentials.SSH_KEY_VARIABLE, deploy.toString());
        assertThat(new GitCredentials(gitops, chosen).forUrl("git@git.example.org:lab.git").sshPrivateKey())
                .contains("ZGVw");

        Files.writeString(deploy, "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> new GitCredentials(gitops, chosen).forUrl("git@git.example.org:lab.git"))
                .isInstanceOf(SikifansoException.class).hasMessageContaining("has a passphrase");
    }
}
