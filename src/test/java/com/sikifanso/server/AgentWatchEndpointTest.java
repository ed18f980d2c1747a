package com.sikifanso.server;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.agents.AgentSpec;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.journal.OperationRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/agui/agents/watch}: the agents page's source, {@code agent watch} over SSE. A gitops-only cluster
 * (no Docker or Kubernetes here): the watch says the cluster is not running, as the command does, and still follows
 * the journal's runs about the agent. The agent's own stream through the API server is in DashboardBrowserTest.
 */
class AgentWatchEndpointTest {
    @TempDir
    Path home;

    @Test
    void anAgentsWatchStreamsItsNoticesAndItsJournalRunsEachNamingTheAgentAndRun() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-watch")) {
            served.services.agents().create(ClusterName.of("srv-watch"), "bob", AgentSpec.DEFAULTS);
            try (SseClient client = SseClient.get(served.url("/api/agui/agents/watch?cluster=srv-watch&agent=bob"),
                    served.token, null)) {
                assertThat(client.status).isEqualTo(200);
                SseClient.Frame notice = client.next(1).getFirst();
                assertThat(notice.data().path("name").asText()).isEqualTo(AgentWatchServlet.NOTICE);
                assertThat(notice.data().path("value").asText()).isEqualTo("cluster srv-watch is not running: no "
                        + "Kubernetes events or AG-UI stream of the agent (create its nodes with: sikifanso cluster "
                        + "create srv-watch)");
                assertThat(notice.data().at("/metadata/agent").asText()).isEqualTo("bob");

                OperationRun run = OperationRun.start(served.journal(), "srv-watch",
                        new OperationRun.Caller("cli", null), "agent_update",
                        AguiJson.MAPPER.createObjectNode().put("name", "bob"));
                run.succeeded(AguiJson.MAPPER.createObjectNode(), Optional.empty());
                OperationRun.start(served.journal(), "srv-watch", new OperationRun.Caller("cli", null),
                        "agent_update", AguiJson.MAPPER.createObjectNode().put("name", "someone-else"))
                        .succeeded(AguiJson.MAPPER.createObjectNode(), Optional.empty());

                int events = served.journal().readRun(run.runId()).size();
                List<SseClient.Frame> frames = client.next(events);
                assertThat(frames).extracting(f -> f.data().path("type").asText()).first().isEqualTo("RUN_STARTED");
                assertThat(frames).allSatisfy(f -> {
                    assertThat(f.data().at("/metadata/agent").asText()).isEqualTo("bob");
                    assertThat(f.data().at("/metadata/runId").asText()).isEqualTo(run.runId());
                });
                Thread.sleep(1500);   // the watch polls the journal each second: the other agent's run stays out
                assertThat(client.pending()).as("nothing about another agent").isEmpty();
            }
        }
    }

    @Test
    void badRequestsAreRefusedWithTheFixBeforeAnythingIsWatched() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-watch-bad")) {
            int port = served.server.port();
            Map<String, String> refusals = Map.of(
                    "/api/agui/agents/watch?cluster=srv-watch-bad", "400 name 1 to 50 agents to watch with &agent=NAME",
                    "/api/agui/agents/watch?cluster=srv-watch-bad&agent=nobody", "404 no agent named \"nobody\"; to fix: there are no agents",
                    "/api/agui/agents/watch?cluster=srv-watch-bad&agent=Bad_Name", "404 invalid agent name \"Bad_Name\"",
                    "/api/agui/agents/watch?cluster=elsewhere&agent=bob", "404 unknown cluster \"elsewhere\"; known clusters: srv-watch-bad");
            for (var refusal : refusals.entrySet()) {
                Requests.Answer answer = Requests.send(port, "GET", refusal.getKey(), served.token, null);
                String[] expected = refusal.getValue().split(" ", 2);
                assertThat(answer.status()).as(refusal.getKey()).isEqualTo(Integer.parseInt(expected[0]));
                assertThat(answer.body()).as(refusal.getKey()).contains(expected[1]);
            }
            Requests.Answer post = Requests.send(port, "POST", "/api/agui/agents/watch?agent=bob", served.token, "{}");
            assertThat(post.status()).isEqualTo(405);
            assertThat(served.server.openStreams()).isZero();
        }
    }
}
