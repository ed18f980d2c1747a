package com.sikifanso.server;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.agents.AgentSpec;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.journal.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/agui/run}: one operation as a tool call, run through the one invocation path and streamed back as
 * the run the journal recorded; everything else refused before anything runs.
 */
class RunEndpointTest {
    private static final String RUN = "/api/agui/run";

    @TempDir
    Path home;

    @Test
    void aRunStreamsExactlyTheEventsTheJournalRecordedForIt() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-run")) {
            List<SseClient.Frame> frames;
            // Another writer keeps appending its own run meanwhile: none of it may reach this run's stream.
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            Thread noise = Thread.ofPlatform().start(() -> {
                while (!done.get()) {
                    served.journal().append("other-run", new com.sikifanso.agui.AguiEvent.Custom("noise",
                            AguiJson.MAPPER.createObjectNode(), System.currentTimeMillis()));
                }
            });
            try (SseClient client = SseClient.post(served.url(RUN), served.token,
                    Requests.run("run-enable-1", "catalog_enable", "{\"names\":[\"qdrant\"]}", null))) {
                assertThat(client.status).isEqualTo(200);
                frames = client.untilEnd();
            } finally {
                done.set(true);
                noise.join();
            }
            assertThat(served.journal().readRun("other-run")).as("the other writer did write").isNotEmpty();
            assertThat(frames).extracting(SseClient.Frame::type).containsExactly("RUN_STARTED", "TOOL_CALL_START",
                    "TOOL_CALL_ARGS", "TOOL_CALL_END", "TOOL_CALL_RESULT", "RUN_FINISHED");
            List<JournalEntry> journalled = served.journal().readRun("run-enable-1");
            assertThat(frames).extracting(SseClient.Frame::id)
                    .isEqualTo(journalled.stream().map(JournalEntry::sequence).toList());
            for (int i = 0; i < frames.size(); i++) {
                assertThat(frames.get(i).data()).isEqualTo(AguiJson.tree(journalled.get(i).event()));
            }
            SseClient.Frame started = frames.get(0);
            assertThat(started.data().path("threadId").asText()).isEqualTo("srv-run");
            assertThat(started.data().path("runId").asText()).isEqualTo("run-enable-1");
            assertThat(started.data().at("/input/forwardedProps/surface").asText()).isEqualTo("agui");
            assertThat(frames.get(2).data().path("delta").asText()).contains("\"cluster\":\"srv-run\"", "qdrant");
            String commit = frames.get(5).data().at("/result/commit").asText();
            assertThat(Files.readString(served.home.resolve("clusters/srv-run/gitops/catalog/qdrant.yaml")))
                    .contains("enabled: true");
            assertThat(commit).isNotBlank();
            JournalEventsStreamTest.awaitNoStreams(served);
        }
    }

    @Test
    void aFailingOperationStreamsRunErrorWithItsMessage() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-fail")) {
            try (SseClient client = SseClient.post(served.url(RUN), served.token,
                    Requests.run("run-fail", "catalog_enable", "{\"names\":[\"no-such-app\"]}", null))) {
                List<SseClient.Frame> frames = client.untilEnd();
                assertThat(frames).extracting(SseClient.Frame::type).endsWith("RUN_ERROR")
                        .doesNotContain("RUN_FINISHED");
                assertThat(frames.get(frames.size() - 1).data().path("message").asText()).contains("no-such-app");
            }
        }
    }

    @Test
    void malformedInputsAreRefusedWith400NamingTheExpectedShapeAndRunNothing() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-bad")) {
            long before = served.journal().lastSequence();
            String assistant = "{\"role\":\"assistant\",\"id\":\"a\",\"toolCalls\":[%s]}";
            String call = "{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"catalog_list\",\"arguments\":%s}}";
            String[][] cases = {
                {"{not json", "the body is not JSON"},
                {"[1,2]", "not a JSON object"},
                {"{\"runId\":\"r\"}", "messages is missing or empty"},
                {"{\"messages\":[{\"id\":\"u\",\"role\":\"system\",\"content\":\"hi\"}]}", "role is \"system\""},
                {"{\"messages\":[" + assistant.formatted("") + "]}", "exactly one tool call, not 0"},
                {"{\"messages\":[" + assistant.formatted(call.formatted("\"{}\"") + "," + call.formatted("\"{}\""))
                        + "]}", "exactly one tool call, not 2"},
                {"{\"messages\":[" + assistant.formatted(call.formatted("{}")) + "]}", "must be the JSON text"},
                {"{\"messages\":[" + assistant.formatted(call.formatted("\"[1]\"")) + "]}", "not the JSON text of an object"},
                {Requests.run("bad run id!", "catalog_list", "{}", null), "runId must be"},
                {Requests.run("r", "catalog_list", "{}", "{\"confirm\":\"yes\"}"), "forwardedProps"},
            };
            for (String[] c : cases) {
                Requests.Answer answer = Requests.send(served.server.port(), "POST", RUN, served.token, c[0]);
                assertThat(answer.status()).as(c[0]).isEqualTo(400);
                assertThat(answer.body()).as(c[0]).contains("malformed run", c[1], OperationCall.SHAPE);
            }
            assertThat(served.journal().lastSequence()).as("nothing ran").isEqualTo(before);
        }
    }

    @Test
    void unknownOperationsInvalidArgumentsAndClusterlessOperationsAre400() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-args")) {
            long before = served.journal().lastSequence();
            assertRefused(served, Requests.run("r", "no_such_op", "{}", null), 400,
                    "unknown operation \"no_such_op\"", "catalog_enable");
            assertRefused(served, Requests.run("r", "catalog_enable", "{\"names\":\"qdrant\"}", null), 400,
                    "catalog_enable: argument \"names\" has the wrong type");
            assertRefused(served, Requests.run("r", "catalog_enable", "{\"names\":[\"a\"],\"colour\":1}", null), 400,
                    "catalog_enable: unknown argument \"colour\"");
            assertRefused(served, Requests.run("r", "cluster_list", "{}", null), 400,
                    "cluster_list does not act on one cluster");
            assertThat(Requests.send(served.server.port(), "POST", RUN + "?cluster=other", served.token,
                    Requests.run("r", "catalog_list", "{\"cluster\":\"srv-args\"}", null)).body())
                    .contains("is not ?cluster=\"other\"");
            assertThat(served.journal().lastSequence()).as("nothing ran").isEqualTo(before);
        }
    }

    @Test
    void aDestructiveOperationWithoutConfirmIsRefusedAsMcpRefusesItAndRunsWithIt() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-danger")) {
            served.services.agents().create(ClusterName.of("srv-danger"), "researcher",
                    new AgentSpec(null, null, null, null, null, null, null, null));
            Path agentFile = served.home.resolve("clusters/srv-danger/gitops/agents/researcher.yaml");
            assertThat(agentFile).exists();
            long before = served.journal().lastSequence();

            for (String props : new String[] {null, "{\"confirm\":false}"}) {
                assertRefused(served, Requests.run("r-del", "agent_delete", "{\"name\":\"researcher\"}", props), 403,
                        "agent_delete refused: it needs the user's confirmation and the request did not confirm it. "
                                + "Nothing was changed.", "forwardedProps {\"confirm\": true}");
            }
            assertThat(agentFile).as("nothing was changed").exists();
            assertThat(served.journal().lastSequence()).isEqualTo(before);

            try (SseClient client = SseClient.post(served.url(RUN), served.token, Requests.run("r-del",
                    "agent_delete", "{\"name\":\"researcher\"}", "{\"confirm\":true}"))) {
                assertThat(client.untilEnd()).extracting(SseClient.Frame::type).endsWith("RUN_FINISHED");
            }
            assertThat(agentFile).doesNotExist();
        }
    }

    @Test
    void anOperationThatRevealsSecretsIsNeverRunOverHttp() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-secret")) {
            assertRefused(served, Requests.run("r", "app_credentials", "{\"name\":\"qdrant\"}", null), 403,
                    "app_credentials returns secret values, which are never sent over HTTP");
            assertThat(Requests.send(served.server.port(), "POST", RUN, served.token,
                    Requests.run("r", "nope", "{}", null)).body()).as("nor offered").doesNotContain("app_credentials");
        }
    }

    private static void assertRefused(ServedCluster served, String body, int status, String... fragments)
            throws Exception {
        Requests.Answer answer = Requests.send(served.server.port(), "POST", RUN, served.token, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).contains(fragments);
    }
}
