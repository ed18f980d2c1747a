package com.sikifanso.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.GitCli;
import com.sikifanso.Services;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.ClusterName;
import com.sikifanso.gitops.GitServers;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.ops.Invocations;
import com.sikifanso.ops.ShareOps;
import com.sikifanso.ops.Surface;
import com.sikifanso.session.SikifansoHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile bundle, an agent with its workload in it, applied from a git+http reference behind a login, with the
 * password given by the user's git credential helper (a real credential store in a HOME made for the test): the
 * bundle arrives and the password is written nowhere sikifanso keeps anything.
 */
class GitRefCredentialsTest {
    @TempDir
    Path tmp;

    @Test
    void aBundleBehindALoginIsAppliedWithTheUsersCredentialHelperAndThePasswordIsKeptNowhere() throws Exception {
        Path userHome = Files.createDirectories(tmp.resolve("user"));
        Map<String, String> env = new HashMap<>(Map.of("HOME", userHome.toString(), "GIT_CONFIG_NOSYSTEM", "1",
                "XDG_CONFIG_HOME", userHome.resolve(".config").toString(), "PATH", System.getenv("PATH"),
                "DOCKER_HOST", "unix://" + tmp.resolve("no.sock"), "KUBECONFIG", tmp.resolve("kube").toString()));
        Services services = new Services(new BuildInfo("test", "none"), new SikifansoHome(tmp.resolve("home")),
                Duration.ofSeconds(5), msg -> { }, env);
        services.clusters().prepare(ClusterName.of("from"), new TemplateSource.Embedded(), null);
        services.clusters().prepare(ClusterName.of("to"), new TemplateSource.Embedded(), null);
        services.agents().create(ClusterName.of("from"), "scout", new AgentSpec(null, null, null, null, null,
                List.of(), List.of(), null, null, null, ProfileBundlesTest.SCOUT_WORKLOAD));
        Path bundle = tmp.resolve("scouts.yaml");
        call(services, ShareOps.EXPORT, new ShareOps.ExportInput("from", "scouts", null, bundle));

        Path servers = Files.createDirectories(tmp.resolve("servers"));
        GitCli shared = new GitCli(Files.createDirectories(tmp.resolve("shared")));
        shared.run("init", "-q", "--initial-branch=main");
        Files.copy(bundle, shared.dir().resolve("scouts.yaml"));
        shared.commitAll("scouts v1");
        GitServers.run(List.of("git", "clone", "-q", "--bare", shared.dir().toString(),
                servers.resolve("team.git").toString()), null);
        try (GitServers.Http http = new GitServers.Http(servers, "alice", "pw-never-kept")) {
            String ref = "git+" + http.url("team.git") + "//scouts.yaml@main";

            assertThatThrownBy(() -> call(services, ShareOps.BUNDLE_APPLY, new ShareOps.BundleApplyInput("to", ref,
                    false))).as("no helper yet: the server's refusal, no prompt").hasMessageContaining("git cannot fetch");

            GitServers.run(List.of("env", "HOME=" + userHome, "GIT_CONFIG_NOSYSTEM=1", "git", "config", "--global",
                    "credential.helper", "store"), null);
            Files.writeString(userHome.resolve(".git-credentials"), http.url("").replace("http://",
                    "http://alice:pw-never-kept@").replaceAll("/$", "") + "\n");
            var applied = call(services, ShareOps.BUNDLE_APPLY, new ShareOps.BundleApplyInput("to", ref, false));

            assertThat(applied.agents()).containsExactly("scout");
        }
        assertThat(Files.readString(tmp.resolve("home/clusters/to/gitops/agents/values/scout.yaml")))
                .contains("ghcr.io/team/scout:1.2.0");
        try (Stream<Path> kept = Files.walk(tmp.resolve("home"))) {
            for (Path file : kept.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain("pw-never-kept");
            }
        }
    }

    private static <I extends Record, O extends Record> O call(Services s, com.sikifanso.ops.Operation<I, O> op,
                                                               I input) {
        return s.invocations().invoke(op, input, Invocations.Caller.program(Surface.cli, msg -> { }));
    }
}
