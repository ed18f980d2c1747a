package com.sikifanso.ops;

import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.TestHome;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.cli.CommandLines;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Mappers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every agent, snapshot and catalog-change operation with a CLI command: {@code sikifanso ... -o json} prints exactly the
 * tool's {@code structuredContent} (what {@link StructuredResults} makes of the result) for the same input.
 * A read runs both on one home. A change runs the CLI in one home and the tool, called with JSON arguments as the
 * MCP server calls it, in a second home prepared the same way; their commits then differ only in id (a commit's
 * id hashes its time), so commit ids are the one thing normalised there.
 */
class CliMatchesToolsAgentsSnapshotsTest {
    private static final AgentSpec DEFAULTS = new AgentSpec(null, null, null, null, null, null, null, null);

    @TempDir
    java.nio.file.Path cliRoot;

    @TempDir
    java.nio.file.Path toolRoot;

    private TestHome cliHome;
    private TestHome toolHome;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void twoHomesPreparedAlike() {
        cliHome = TestHome.withCluster(cliRoot);
        toolHome = TestHome.withCluster(toolRoot);
    }

    @Test
    void agentList() {
        cliHome.services().agents().create(ClusterName.of(CLUSTER), "alice", new AgentSpec(null, null, null, null, null,
                List.of("qdrant"), List.of("api.github.com"), null));
        cliHome.services().agents().create(ClusterName.of(CLUSTER), "bob", DEFAULTS);

        JsonNode cli = cli(cliHome, "-c", CLUSTER, "agent", "list");

        assertThat(cli.at("/agents/0/name").asText()).isEqualTo("alice");
        assertThat(cli).isEqualTo(tool(cliHome, "agent_list", Map.of("cluster", CLUSTER)));
    }

    @Test
    void agentInfo() {
        cliHome.services().agents().create(ClusterName.of(CLUSTER), "bob", DEFAULTS);

        JsonNode cli = cli(cliHome, "-c", CLUSTER, "agent", "info", "bob");

        assertThat(cli.at("/policy/mayReach").size()).isPositive();
        assertThat(cli).isEqualTo(tool(cliHome, "agent_info", Map.of("cluster", CLUSTER, "name", "bob")));
    }

    @Test
    void agentCreate() {
        JsonNode cli = cli(cliHome, "-c", CLUSTER, "agent", "create", "coder", "--cpu-limit", "2", "--memory-limit",
                "2Gi", "--pods", "5", "--allow", "litellm-proxy", "--egress-fqdn", "api.github.com",
                "--pod-security", "baseline", "--no-wait");
        JsonNode tool = tool(toolHome, "agent_create", Map.of("cluster", CLUSTER, "name", "coder", "cpuLimit", "2",
                "memoryLimit", "2Gi", "pods", 5, "allow", List.of("litellm-proxy"),
                "egressFqdns", List.of("api.github.com"), "podSecurity", "baseline"));

        assertThat(cli.at("/agent/values/quota/pods").asInt()).isEqualTo(5);
        assertThat(cli.at("/agent/commit").asText()).isEqualTo(cliHome.git().head());
        assertThat(withoutCommitIds(cli)).isEqualTo(withoutCommitIds(tool));
    }

    @Test
    void agentUpdate() {
        cliHome.services().agents().create(ClusterName.of(CLUSTER), "coder", DEFAULTS);
        toolHome.services().agents().create(ClusterName.of(CLUSTER), "coder", DEFAULTS);

        JsonNode cli = cli(cliHome, "-c", CLUSTER, "agent", "update", "coder", "--memory-limit", "4Gi",
                "--allow-none", "--no-wait");
        JsonNode tool = tool(toolHome, "agent_update", Map.of("cluster", CLUSTER, "name", "coder",
                "memoryLimit", "4Gi", "allow", List.of()));

        assertThat(cli.at("/agent/values/quota/memoryLimit").asText()).isEqualTo("4Gi");
        assertThat(withoutCommitIds(cli)).isEqualTo(withoutCommitIds(tool));
    }

    @Test
    void agentUpdateThatChangesNothing() {
        cliHome.services().agents().create(ClusterName.of(CLUSTER), "coder", DEFAULTS);

        JsonNode cli = cli(cliHome, "-c", CLUSTER, "agent", "update", "coder", "--no-wait");

        assertThat(cli.at("/agent").has("commit")).as("no commit, so none in the result").isFalse();
        assertThat(cli).isEqualTo(tool(cliHome, "agent_update", Map.of("cluster", CLUSTER, "name", "coder")));
    }

    @Test
    void agentDelete() {
        cliHome.services().agents().create(ClusterName.of(CLUSTER), "bob", DEFAULTS);
        toolHome.services().agents().create(ClusterName.of(CLUSTER), "bob", DEFAULTS);

        JsonNode cli = cli(cliHome, "-c", CLUSTER, "agent", "delete", "bob", "--yes", "--no-wait");
        JsonNode tool = tool(toolHome, "agent_delete", Map.of("cluster", CLUSTER, "name", "bob"));

        assertThat(cli.path("deleted").asText()).isEqualTo("bob");
        assertThat(withoutCommitIds(cli)).isEqualTo(withoutCommitIds(tool));
    }

    /**
     * Both capture the same repo in one home (the archive the CLI wrote is deleted in between), so path and git
     * HEAD match; the archive records its own creation time, which may differ by a second, and with it (through
     * compression) its size in bytes: those two are normalised.
     */
    @Test
    void snapshotCapture() {
        JsonNode cli = cli(cliHome, "-c", CLUSTER, "snapshot", "capture", "--name", "s1");
        cliHome.services().snapshots().delete("s1");
        JsonNode tool = tool(cliHome, "snapshot_capture", Map.of("cluster", CLUSTER, "name", "s1"));

        assertThat(cli.at("/snapshot/gitHead").asText()).isEqualTo(cliHome.git().head());
        assertThat(cli.path("skipped").isArray()).isTrue();
        assertThat(withoutCaptureTime(cli)).isEqualTo(withoutCaptureTime(tool));
    }

    @Test
    void snapshotList() {
        cliHome.services().snapshots().capture(ClusterName.of(CLUSTER), "s1", false);
        cliHome.services().snapshots().capture(ClusterName.of(CLUSTER), "s2", false);

        JsonNode cli = cli(cliHome, "snapshot", "list");

        assertThat(cli.path("snapshots").size()).isEqualTo(2);
        assertThat(cli).isEqualTo(tool(cliHome, "snapshot_list", Map.of()));
    }

    @Test
    void snapshotRestore() {
        for (TestHome home : List.of(cliHome, toolHome)) {
            home.services().snapshots().capture(ClusterName.of(CLUSTER), "s1", false);
            home.services().apps().enable(ClusterName.of(CLUSTER), List.of("qdrant"));
        }

        JsonNode cli = cli(cliHome, "snapshot", "restore", "s1", "--yes", "--no-wait");
        JsonNode tool = tool(toolHome, "snapshot_restore", Map.of("name", "s1"));

        assertThat(cli.path("commit").asText()).isEqualTo(cliHome.git().head());
        assertThat(withoutCommitIds(cli)).isEqualTo(withoutCommitIds(tool));
    }

    @Test
    void snapshotRestoreWithNothingToCommit() {
        cliHome.services().snapshots().capture(ClusterName.of(CLUSTER), "s1", false);

        JsonNode cli = cli(cliHome, "snapshot", "restore", "s1", "--yes", "--no-wait");

        assertThat(cli.has("commit")).as("no commit, so none in the result").isFalse();
        assertThat(cli).isEqualTo(tool(cliHome, "snapshot_restore", Map.of("name", "s1")));
    }

    @Test
    void snapshotDelete() {
        cliHome.services().snapshots().capture(ClusterName.of(CLUSTER), "s1", false);
        toolHome.services().snapshots().capture(ClusterName.of(CLUSTER), "s1", false);

        JsonNode cli = cli(cliHome, "snapshot", "delete", "s1", "--yes");

        assertThat(cli).isEqualTo(tool(toolHome, "snapshot_delete", Map.of("name", "s1")));
        assertThat(cliHome.services().snapshots().names()).isEmpty();
    }

    /** app enable, app disable and app enable --profile: each change made once in each home. */
    @Test
    void catalogEnableDisableAndProfileApply() {
        JsonNode cliEnabled = cli(cliHome, "-c", CLUSTER, "app", "enable", "qdrant", "--no-wait");
        JsonNode toolEnabled = tool(toolHome, "catalog_enable", Map.of("cluster", CLUSTER, "names", List.of("qdrant")));
        JsonNode cliDisabled = cli(cliHome, "-c", CLUSTER, "app", "disable", "qdrant", "--no-wait");
        JsonNode toolDisabled = tool(toolHome, "catalog_disable", Map.of("cluster", CLUSTER, "name", "qdrant"));
        JsonNode cliProfile = cli(cliHome, "-c", CLUSTER, "app", "enable", "--profile", "rag", "--no-wait");
        JsonNode toolProfile = tool(toolHome, "profile_apply", Map.of("cluster", CLUSTER, "profiles", List.of("rag")));

        assertThat(cliEnabled.path("changed").toString()).isEqualTo("[\"qdrant\"]");
        assertThat(cliDisabled.path("changed").toString()).isEqualTo("[\"qdrant\"]");
        assertThat(cliProfile.path("changed").toString()).contains("qdrant", "unstructured");
        assertThat(withoutCommitIds(cliEnabled)).isEqualTo(withoutCommitIds(toolEnabled));
        assertThat(withoutCommitIds(cliDisabled)).isEqualTo(withoutCommitIds(toolDisabled));
        assertThat(withoutCommitIds(cliProfile)).isEqualTo(withoutCommitIds(toolProfile));
    }

    /** The command line run in-process as a user types it, with {@code -o json}; it must succeed. */
    private static JsonNode cli(TestHome home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> line = new ArrayList<>(List.of("-o", "json"));
        line.addAll(List.of(args));
        int code = CommandLines.run(line.toArray(String[]::new), Map.of("SIKIFANSO_HOME", home.root().toString()),
                new PrintWriter(out, true), new PrintWriter(err, true), false);
        assertThat(code).as(String.join(" ", args) + "\nstdout: " + out + "\nstderr: " + err).isZero();
        JsonNode json = parse(out.toString());
        // What a service says must converge is for the program, never in the output.
        assertThat(json.toString()).doesNotContain("pendingSync");
        return json;
    }

    /** The operation called through the registry with JSON arguments, as the MCP server calls it. */
    private JsonNode tool(TestHome home, String operation, Map<String, Object> arguments) {
        Object result = new OperationRegistry().invoke(operation, arguments,
                new OperationContext(home.services(), progress::add));
        try {
            return parse(Mappers.JSON.writeValueAsString(StructuredResults.of(result)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Mappers.JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static JsonNode withoutCommitIds(JsonNode json) {
        return parse(json.toString().replaceAll("\\b[0-9a-f]{40}\\b", "<commit>"));
    }

    private static JsonNode withoutCaptureTime(JsonNode captured) {
        JsonNode copy = captured.deepCopy();
        ((ObjectNode) copy.path("snapshot")).put("createdAt", "<time>").put("size", 0);
        return copy;
    }
}
