package com.sikifanso.ai;

import static com.sikifanso.ai.ScriptedMessagesApi.Turn.turn;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.TestHome;
import com.sikifanso.argocd.RunningLab;
import com.sikifanso.cli.TmuxPane;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sikifanso ai} without a prompt in a real terminal (a tmux pane): a conversation, one question per line; a
 * change shows its plan and asks {@code [y/N]}, and only a yes commits it; {@code exit} ends it. The model is
 * {@link ScriptedMessagesApi}; the cluster lab is prepared, its API fabric8's mock server in CRUD mode.
 */
@EnableKubernetesMockClient(crud = true)
class AiTerminalTest {
    KubernetesClient client;

    @TempDir
    Path tmp;

    @Test
    void aConversationAsksBeforeEachChangeAndOnlyAYesCommits() throws Exception {
        TmuxPane.assumeTmux("ai");
        TestHome home = RunningLab.home(tmp, "http://127.0.0.1:1", "pw");
        RunningLab.writeKubeconfig(tmp, client);
        List<String> before = home.git().subjects();
        try (ScriptedMessagesApi api = new ScriptedMessagesApi()) {
            api.then(turn().toolUse("toolu_1", "catalog_enable", "{\"names\":[\"qdrant\"]}"))
                    .then(turn().text("Left it as it was."))
                    .then(turn().toolUse("toolu_2", "catalog_enable", "{\"names\":[\"qdrant\"]}"))
                    .then(turn().text("qdrant is enabled."));
            try (TmuxPane pane = TmuxPane.start(tmp, Map.of("ANTHROPIC_API_KEY", "sk-ant-test", "ANTHROPIC_BASE_URL",
                    api.baseUrl(), "KUBECONFIG", tmp.resolve("kubeconfig").toString(), "HOME", tmp.toString()), false,
                    120, 40, "-c", "lab", "ai")) {
                converse(pane, api, home, before);
            }
        }
    }

    private static void converse(TmuxPane pane, ScriptedMessagesApi api, TestHome home, List<String> before)
            throws Exception {
        pane.await(s -> s.contains("ai>"));   // capture-pane drops the trailing space
        pane.type("enable qdrant");
        pane.send("Enter");
        pane.await(s -> s.contains("Apply this change? [y/N]"));
        assertThat(pane.screen()).contains("Plan: catalog_enable");
        pane.type("n");
        pane.send("Enter");
        pane.await(s -> s.contains("Left it as it was."));
        assertThat(home.git().subjects()).isEqualTo(before);
        assertThat(ScriptedMessagesApi.toolResults(api.requests().get(1)).get("toolu_1").path("content").asText())
                .contains("Not approved: the user said no");

        pane.type("enable qdrant, please");
        pane.send("Enter");
        pane.await(s -> s.lines().filter(l -> l.contains("Apply this change? [y/N]")).count() == 2);
        pane.type("y");
        pane.send("Enter");
        pane.await(s -> s.contains("qdrant is enabled."));
        pane.type("exit");
        pane.send("Enter");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!pane.gone() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(pane.gone()).as("ai ended at exit").isTrue();

        assertThat(home.git().subjects()).hasSize(before.size() + 1);
        assertThat(Files.readString(home.gitOps().resolve("catalog/qdrant.yaml"))).contains("enabled: true");
        assertThat(api.requests().get(2).json().path("messages").findValuesAsText("text"))
                .as("the second question goes on from the first").contains("enable qdrant", "Left it as it was.");
    }
}
