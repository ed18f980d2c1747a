package com.sikifanso.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.Services;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.session.SikifansoHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every invocation on a cluster, whichever surface made it, lands in that cluster's activity journal. */
class InvocationJournalTest {
    @TempDir
    Path home;

    private Services services;

    @BeforeEach
    void services() {
        services = new Services(new BuildInfo("test", "none"), new SikifansoHome(home), Duration.ofSeconds(5),
                msg -> { }, Map.of("DOCKER_HOST", "unix://" + home.resolve("no-docker.sock"),
                        "KUBECONFIG", home.resolve("kubeconfig").toString(), "HOME", home.toString()));
    }

    private Object call(String tool, Map<String, Object> args, Surface surface) {
        return new OperationRegistry().invoke(tool, args, surface, new OperationContext(services, msg -> { }));
    }

    private List<JsonNode> events() {
        return new ActivityJournal(home.resolve("clusters").resolve("lab"), JournalOptions.DEFAULTS).readSince(0)
                .stream().map(JournalEntry::event).map(e -> (JsonNode) AguiJson.MAPPER.valueToTree(e)).toList();
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    @Test
    void aChangeIsOneRunWithItsSurfaceArgumentsResultAndCommit() {
        call("cluster_create", Map.of("name", "lab", "gitopsOnly", true), Surface.cli);
        var enabled = (com.sikifanso.catalog.AppService.ToggleResult) call("catalog_enable",
                Map.of("cluster", "lab", "names", List.of("qdrant")), Surface.mcp);

        List<JsonNode> events = events();
        // cluster_create made the directory, so its own run is there too; catalog_enable's run follows it.
        List<JsonNode> enable = events.subList(events.size() - 6, events.size());
        assertThat(types(enable)).containsExactly("RUN_STARTED", "TOOL_CALL_START", "TOOL_CALL_ARGS",
                "TOOL_CALL_END", "TOOL_CALL_RESULT", "RUN_FINISHED");
        assertThat(enable.get(0).path("threadId").asText()).isEqualTo("lab");
        assertThat(enable.get(0).at("/input/forwardedProps/surface").asText()).isEqualTo("mcp");
        assertThat(enable.get(1).path("toolCallName").asText()).isEqualTo("catalog_enable");
        assertThat(enable.get(2).path("delta").asText()).contains("\"names\":[\"qdrant\"]");
        assertThat(enable.get(4).path("content").asText()).contains("\"changed\":[\"qdrant\"]");
        assertThat(enable.get(5).at("/result/commit").asText()).isEqualTo(enabled.commit().orElseThrow());
        assertThat(types(events.subList(0, events.size() - 6))).startsWith("RUN_STARTED").endsWith("RUN_FINISHED");
        assertThat(events.get(0).at("/input/forwardedProps/surface").asText()).isEqualTo("cli");
    }

    @Test
    void aFailureEndsItsRunWithTheError() {
        call("cluster_create", Map.of("name", "lab", "gitopsOnly", true), Surface.cli);
        assertThatThrownBy(() -> call("catalog_enable", Map.of("cluster", "lab", "names", List.of("nope")),
                Surface.cli));

        List<JsonNode> events = events();
        JsonNode last = events.getLast();
        assertThat(last.path("type").asText()).isEqualTo("RUN_ERROR");
        assertThat(last.path("message").asText()).contains("nope");
    }

    @Test
    void aClusterWithNoDirectoryGetsNoJournalAndKeepsNoDirectory() {
        assertThatThrownBy(() -> call("catalog_list", Map.of("cluster", "ghost"), Surface.cli));

        assertThat(home.resolve("clusters").resolve("ghost")).doesNotExist();
    }

    @Test
    void aClusterOperationIsJournalledUnderTheClusterItNames() {
        call("cluster_create", Map.of("name", "lab", "gitopsOnly", true), Surface.cli);
        long before = types(events()).stream().filter("RUN_STARTED"::equals).count();

        call("cluster_info", Map.of("cluster", "lab"), Surface.mcp);

        assertThat(types(events()).stream().filter("RUN_STARTED"::equals).count()).isEqualTo(before + 1);
        assertThat(events().toString()).contains("cluster_info");
    }

    @Test
    void everyInputThatNamesAClusterDeclaresIt() {
        for (Operation<?, ?> op : new OperationRegistry().all()) {
            boolean namesACluster = java.util.Arrays.stream(op.input().getRecordComponents())
                    .anyMatch(c -> c.getName().equals("cluster"));
            assertThat(ClusterScoped.class.isAssignableFrom(op.input()))
                    .as(op.name() + "'s input " + op.input().getSimpleName() + " names a cluster; it must be "
                            + "ClusterScoped so its runs reach that cluster's journal")
                    // cluster_create (and its --dry-run) names the cluster it makes as name.
                    .isEqualTo(namesACluster || op.input() == ClusterOps.ClusterCreateInput.class);
        }
    }

    @Test
    void theClusterIsReadFromTheInputAndABadNameIsNoPath() {
        assertThat(InvocationJournal.clusterOf(new ClusterOps.ClusterRef("lab"))).hasValueSatisfying(
                c -> assertThat(c.value()).isEqualTo("lab"));
        assertThat(InvocationJournal.clusterOf(new ClusterOps.ClusterRef("../clusters/lab"))).isEmpty();
        assertThat(InvocationJournal.clusterOf(new SnapshotOps.RestoreInput("snap", null, false))).isEmpty();
        assertThat(InvocationJournal.clusterOf(new ClusterOps.NoInput())).isEmpty();
    }
}
