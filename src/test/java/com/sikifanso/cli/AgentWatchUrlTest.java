package com.sikifanso.cli;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.TestHome;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.NodeAguiCheck;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agent watch --url} following a real AG-UI agent: {@code src/test/node/agui-agent.mjs}, written with the
 * official {@code @ag-ui/encoder}, killed and started again on the same port; what the watch prints with
 * {@code -o json} is judged by {@code @ag-ui/core}'s schemas.
 */
class AgentWatchUrlTest {
    @TempDir
    Path root;

    private Map<String, String> env;

    @BeforeEach
    void labWithAgentBob() {
        TestHome home = TestHome.withCluster(root);
        home.services().agents().create(ClusterName.of(TestHome.CLUSTER), "bob", AgentSpec.DEFAULTS);
        env = Map.of("SIKIFANSO_HOME", root.toString(), "HOME", root.toString(),
                "KUBECONFIG", root.resolve("kubeconfig").toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void followsTheAgentAcrossARestartAndPrintsOnlyValidAguiEvents() throws IOException {
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/agui";
        Process first = NodeAguiCheck.startAgent(port, "first");
        Process second = null;
        try (WatchRun watch = WatchRun.start(env, "-c", "lab", "agent", "watch", "bob", "--url", url, "-o", "json")) {
            watch.awaitOut("hello from first").awaitOut("{not json from first");
            first.destroyForcibly().waitFor();
            watch.awaitErr("reconnecting in");
            second = NodeAguiCheck.startAgent(port, "second");
            watch.awaitOut("hello from second").awaitOut("{not json from second");
            assertThat(watch.stop()).isZero();

            List<AguiEvent> printed = watch.outLines().stream().map(AguiJson::read).toList();
            assertThat(printed).extracting(e -> e.eventType().name()).startsWith("RUN_STARTED",
                    "TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_END", "RUN_FINISHED", "RAW", "RAW");
            // The foreign agent's unknown event type and its malformed frame arrive as RAW, with what was sent.
            assertThat(printed).filteredOn(e -> e instanceof AguiEvent.Raw).extracting(e -> ((AguiEvent.Raw) e)
                    .event().toString()).contains("{\"type\":\"AGENT_MOOD\",\"mood\":\"curious\",\"from\":\"first\"}",
                    "\"{not json from first\"", "\"{not json from second\"");
            assertThat(watch.err()).contains("AG-UI stream: connected to " + url)
                    .contains("the stream from " + url + " broke off: the connection closed mid-stream; reconnecting in 1s"
                            + " (retry 1, Ctrl-C stops)")
                    .contains("cluster lab is not running: no Kubernetes events (create its nodes with: "
                            + "sikifanso cluster create lab)");

            JsonNode checked = new NodeAguiCheck().stream("agent watch -o json", printed).run().path("streams").path(0);
            assertThat(checked.path("schemaErrors")).as(checked.toString()).isEmpty();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroyForcibly();
            }
        }
    }

    @Test
    void anUnreachableUrlIsSaidAndRetried() throws IOException {
        String url = "http://127.0.0.1:" + freePort() + "/agui";
        try (WatchRun watch = WatchRun.start(env, "-c", "lab", "agent", "watch", "bob", "--url", url, "-o", "json")) {
            watch.awaitErr("(retry 2, Ctrl-C stops)");
            assertThat(watch.err()).contains("cannot open the AG-UI stream from " + url
                            + ": nothing answers there (connection refused or closed)")
                    .contains("reconnecting in 1s (retry 1, Ctrl-C stops)")
                    .contains("reconnecting in 2s (retry 2, Ctrl-C stops)");
            assertThat(watch.stop()).isZero();
            assertThat(watch.out()).isEmpty();
        }
    }

    @Test
    void badInputsAreRefusedWithTheFix() {
        var unknownAgent = InProcess.run(root, env, false, "-c", "lab", "agent", "watch", "nobody", "-o", "json");
        assertThat(unknownAgent.exitCode()).isEqualTo(1);
        assertThat(unknownAgent.stderr()).contains("no agent named \"nobody\"").contains("agents: bob");

        var unknownCluster = InProcess.run(root, env, false, "-c", "ghost", "agent", "watch", "bob");
        assertThat(unknownCluster.exitCode()).isEqualTo(1);
        assertThat(unknownCluster.stderr()).contains("no cluster named \"ghost\"").contains("sikifanso cluster info");

        var notAUrl = InProcess.run(root, env, false, "-c", "lab", "agent", "watch", "bob", "--url", "localhost:8000");
        assertThat(notAUrl.exitCode()).isEqualTo(2);
        assertThat(notAUrl.stderr()).contains("--url localhost:8000 is not an http(s) URL")
                .contains("--url http://127.0.0.1:8000/agui");

        var yaml = InProcess.run(root, env, false, "-c", "lab", "agent", "watch", "bob", "-o", "yaml");
        assertThat(yaml.exitCode()).isEqualTo(2);
        assertThat(yaml.stderr()).contains("-o json");
    }
}
