package com.sikifanso.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.GitCli;
import com.sikifanso.Services;
import com.sikifanso.cluster.LocalRegistry;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.ops.Invocations;
import com.sikifanso.ops.Operation;
import com.sikifanso.ops.ShareOps;
import com.sikifanso.ops.Surface;
import com.sikifanso.session.SikifansoHome;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profile bundles through a real OCI registry: Debian's docker-registry (the CNCF Distribution registry) on 127.0.0.1,
 * started by the test behind an htpasswd login, with the ORAS Java SDK reading the login from a Docker config file as
 * {@code docker login} writes it. No registry elsewhere is reached; without the package the test is skipped loudly
 * (CI installs it).
 */
class OciBundlesTest {
    @TempDir
    Path home;

    private LocalRegistry registry;
    private Services services;

    @BeforeEach
    void registryBehindALogin() throws Exception {
        Path dir = home.resolve("registry");
        Files.createDirectories(dir);
        String hash = OpenBSDBCrypt.generate("2a", "s3cret".toCharArray(), new byte[16], 6);
        Files.writeString(dir.resolve("htpasswd"), "team:" + hash + "\n");
        registry = LocalRegistry.start(dir, """
                auth:
                  htpasswd:
                    realm: sikifanso-test
                    path: %s
                """.formatted(dir.resolve("htpasswd")));
        Path docker = Files.createDirectories(home.resolve("docker"));
        Files.writeString(docker.resolve("config.json"), "{\"auths\": {\"" + registry.host + "\": {\"auth\": \""
                + Base64.getEncoder().encodeToString("team:s3cret".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        services = services(docker);
        services.clusters().prepare(ClusterName.of("from"), new TemplateSource.Embedded(), null);
        services.clusters().prepare(ClusterName.of("to"), new TemplateSource.Embedded(), null);
    }

    private Services services(Path dockerConfig) {
        return new Services(new BuildInfo("test", "none"), new SikifansoHome(home.resolve("home")),
                Duration.ofSeconds(5), msg -> { }, Map.of("DOCKER_HOST", "unix://" + home.resolve("no.sock"),
                        "KUBECONFIG", home.resolve("kubeconfig").toString(), "HOME", home.toString(),
                        "DOCKER_CONFIG", dockerConfig.toString()));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (registry != null) {
            registry.close();
        }
    }

    private <I extends Record, O extends Record> O call(Services s, Operation<I, O> op, I input) {
        return s.invocations().invoke(op, input, Invocations.Caller.program(Surface.cli, msg -> { }));
    }

    private Path bundle() throws Exception {
        services.apps().enable(ClusterName.of("from"), List.of("qdrant"));
        Path file = home.resolve("rag.yaml");
        call(services, ShareOps.EXPORT, new ShareOps.ExportInput("from", "rag", null, file));
        return file;
    }

    @Test
    void aPushedBundleIsPulledAndAppliedByItsReference() throws Exception {
        Path file = bundle();
        String ref = "oci://" + registry.host + "/team/profiles:rag-v1";

        ShareOps.Pushed pushed = call(services, ShareOps.PUSH, new ShareOps.PushInput(file, ref));

        assertThat(pushed.name()).isEqualTo("rag");
        assertThat(pushed.manifestDigest()).matches("sha256:[0-9a-f]{64}");
        Path pulled = home.resolve("pulled.yaml");
        call(services, ShareOps.PULL, new ShareOps.PullInput(ref, pulled));
        assertThat(pulled).hasSameTextualContentAs(file);
        // By digest too, as a pinned reference would name it.
        String byDigest = "oci://" + registry.host + "/team/profiles@" + pushed.manifestDigest();
        assertThat(call(services, ShareOps.PULL, new ShareOps.PullInput(byDigest, null)).bundle().name())
                .isEqualTo("rag");

        ProfileBundles.Applied applied = call(services, ShareOps.BUNDLE_APPLY,
                new ShareOps.BundleApplyInput("to", ref, false));
        assertThat(applied.enabled()).containsExactly("qdrant");
        GitCli to = new GitCli(Path.of(services.sessions().load(ClusterName.of("to")).gitOpsPath()));
        assertThat(to.subjects().get(0)).startsWith("profile bundle rag (sha256:");
    }

    @Test
    void anAgentAndItsWorkloadRoundTripThroughTheRegistry() throws Exception {
        services.agents().create(ClusterName.of("from"), "scout", new com.sikifanso.agents.AgentSpec(null, null, null,
                "2Gi", null, List.of(), List.of(), null, null, null, ProfileBundlesTest.SCOUT_WORKLOAD));
        Path file = home.resolve("scouts.yaml");
        call(services, ShareOps.EXPORT, new ShareOps.ExportInput("from", "scouts", null, file));
        String ref = "oci://" + registry.host + "/team/profiles:scouts-v1";

        call(services, ShareOps.PUSH, new ShareOps.PushInput(file, ref));
        ProfileBundles.Applied applied = call(services, ShareOps.BUNDLE_APPLY,
                new ShareOps.BundleApplyInput("to", ref, false));

        assertThat(applied.agents()).containsExactly("scout");
        Path values = Path.of("agents/values/scout.yaml");
        String to = Files.readString(Path.of(services.sessions().load(ClusterName.of("to")).gitOpsPath())
                .resolve(values));
        assertThat(to).isEqualTo(Files.readString(Path.of(services.sessions().load(ClusterName.of("from"))
                .gitOpsPath()).resolve(values))).contains("ghcr.io/team/scout:1.2.0", "MODE");
    }

    @Test
    void anAgentTemplatePushedToTheRegistryMakesAnAgent() throws Exception {
        Path template = Files.writeString(home.resolve("coder.yaml"), """
                apiVersion: sikifanso.io/v1alpha1
                kind: AgentTemplate
                metadata: {name: coder}
                spec:
                  allow: [litellm-proxy]
                  egressFqdns: [git.example.org]
                  workload: {image: ghcr.io/team/coder:1.0.0}
                """);
        String ref = "oci://" + registry.host + "/team/agents:coder";

        ShareOps.Pushed pushed = call(services, ShareOps.PUSH, new ShareOps.PushInput(template, ref,
                DocumentKind.AGENT_TEMPLATE));
        call(services, com.sikifanso.ops.AgentOps.CREATE, new com.sikifanso.ops.AgentOps.AgentSettings("to", "dev",
                null, null, null, null, null, null, null, null, null, null, false, ref));

        assertThat(pushed.kind()).isEqualTo("agent template");
        assertThat(Files.readString(Path.of(services.sessions().load(ClusterName.of("to")).gitOpsPath())
                .resolve("agents/values/dev.yaml"))).contains("host: git.example.org", "name: litellm-proxy",
                "image: ghcr.io/team/coder:1.0.0");
        assertThatThrownBy(() -> call(services, ShareOps.PUSH, new ShareOps.PushInput(template, ref)))
                .hasMessageContaining("is an AgentTemplate, not a ProfileBundle");
    }

    @Test
    void withoutALoginTheRegistrysRefusalIsNamedWithTheFix() throws Exception {
        Path file = bundle();
        Services anonymous = services(Files.createDirectories(home.resolve("no-logins")));

        assertThatThrownBy(() -> call(anonymous, ShareOps.PUSH, new ShareOps.PushInput(file,
                "oci://" + registry.host + "/team/profiles:rag-v1")))
                .isInstanceOf(SikifansoException.class)
                .hasMessageContaining("the registry refused the login (401)")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .contains("docker login " + registry.host);
    }

    @Test
    void aMissingTagAnUnreachableRegistryAndAnotherKindOfArtifactAreRefusedChangingNothing() throws Exception {
        Path file = bundle();
        String head = new GitCli(Path.of(services.sessions().load(ClusterName.of("to")).gitOpsPath())).head();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }

        assertThatThrownBy(() -> call(services, ShareOps.BUNDLE_APPLY, new ShareOps.BundleApplyInput("to",
                "oci://" + registry.host + "/team/profiles:nope", false)))
                .hasMessageContaining("no such repository or tag (404)");
        assertThatThrownBy(() -> call(services, ShareOps.BUNDLE_APPLY, new ShareOps.BundleApplyInput("to",
                "oci://127.0.0.1:" + closed + "/team/profiles:v1", false)))
                .hasMessageContaining("registry 127.0.0.1:" + closed + " cannot be reached");
        String template = "oci://" + registry.host + "/team/agents:research";
        services.documents().push(ShareRef.parseOci(template), DocumentKind.AGENT_TEMPLATE,
                Files.readAllBytes(file));
        assertThatThrownBy(() -> call(services, ShareOps.BUNDLE_APPLY, new ShareOps.BundleApplyInput("to", template,
                false)))
                .hasMessageContaining("is not a profile bundle (artifact type application/vnd.sikifanso.agent");
        assertThat(new GitCli(Path.of(services.sessions().load(ClusterName.of("to")).gitOpsPath())).head()).isEqualTo(head);
    }
}
