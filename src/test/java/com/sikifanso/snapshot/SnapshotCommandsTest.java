package com.sikifanso.snapshot;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.TestHome;
import com.sikifanso.cli.CommandLines;
import com.sikifanso.core.Mappers;
import com.sikifanso.ops.Operation;
import com.sikifanso.ops.OperationContext;
import com.sikifanso.ops.OperationRegistry;
import com.sikifanso.ops.Toolset;
import com.sikifanso.session.ClusterState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot commands run in-process as a user types them, and the operations programs call. */
class SnapshotCommandsTest {
    @TempDir
    Path root;

    private TestHome home;

    record Result(int exitCode, String stdout, String stderr) {
    }

    @BeforeEach
    void prepare() {
        home = TestHome.withCluster(root);
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLines.run(args, Map.of("SIKIFANSO_HOME", root.toString()), new PrintWriter(out, true),
                new PrintWriter(err, true), false);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void captureListRestoreAndDelete() throws Exception {
        Result captured = run("-c", CLUSTER, "snapshot", "capture", "--name", "s1");
        assertThat(captured.exitCode()).as(captured.toString()).isZero();
        assertThat(captured.stdout()).startsWith("captured snapshot s1 of cluster lab at ");

        Result list = run("snapshot", "list", "-o", "json");
        JsonNode rows = Mappers.JSON.readTree(list.stdout()).path("snapshots");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("name").asText()).isEqualTo("s1");
        assertThat(rows.get(0).get("cluster").asText()).isEqualTo(CLUSTER);
        assertThat(rows.get(0).get("gitHead").asText()).isEqualTo(home.git().head());
        Result table = run("snapshot", "list");
        assertThat(table.stdout().lines().findFirst().orElseThrow().split("\\s+"))
                .containsExactly("NAME", "CLUSTER", "CREATED", "VERSION", "HEAD");

        home.services().apps().enable(ClusterName.of(CLUSTER), List.of("qdrant"));
        Result restored = run("snapshot", "restore", "s1");
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        assertThat(restored.stdout()).startsWith("restored snapshot s1 into cluster lab (commit ");
        assertThat(home.git().subjects().get(0)).isEqualTo("restore snapshot s1");

        Result deleted = run("snapshot", "delete", "s1");
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(run("snapshot", "list").stdout()).startsWith("No snapshots yet.");
    }

    @Test
    void restoringAMissingSnapshotFailsWithTheNamesThatExist() {
        run("-c", CLUSTER, "snapshot", "capture", "--name", "s1");

        Result r = run("snapshot", "restore", "s2");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("Error: no snapshot named \"s2\" in " + root.resolve("snapshots")
                + "\n  snapshots: s1\n");
    }

    @Test
    void aBadNameIsAUsageError() {
        Result r = run("-c", CLUSTER, "snapshot", "capture", "--name", "Before.Upgrade");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("Error: invalid snapshot name \"Before.Upgrade\"");
        assertThat(root.resolve("snapshots")).doesNotExist();
    }

    @Test
    void clusterCreateFromSnapshotPreparesANewClusterWithTheHistory() {
        home.services().apps().enable(ClusterName.of(CLUSTER), List.of("qdrant"));
        run("-c", CLUSTER, "snapshot", "capture", "--name", "base");

        Result r = run("cluster", "create", "--from-snapshot", "base", "lab2", "--gitops-only");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stderr()).contains("prepared cluster lab2 from snapshot base");
        assertThat(r.stdout()).as("made by this create, not found from an earlier one").startsWith("Prepared cluster "
                + "lab2 (state: not-created).").doesNotContain("already prepared");
        assertThat(home.services().sessions().load(ClusterName.of("lab2")).state()).isEqualTo(ClusterState.NOT_CREATED);
        assertThat(home.git("lab2").log("%H")).isEqualTo(home.git().log("%H"));
    }

    @Test
    void fromSnapshotAndBootstrapExcludeEachOther() {
        Result r = run("cluster", "create", "--from-snapshot", "base", "--bootstrap", "./x", "--gitops-only");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("Error: --from-snapshot and --bootstrap exclude each other");
    }

    @Test
    void snapshotNamesAreCompletionCandidates() {
        run("-c", CLUSTER, "snapshot", "capture", "--name", "alpha");
        run("-c", CLUSTER, "snapshot", "capture", "--name", "beta");

        assertThat(run("__complete", "--", "snapshot", "restore", "").stdout().lines())
                .containsExactly("alpha", "beta");
        assertThat(run("__complete", "--", "snapshot", "delete", "b").stdout().lines()).containsExactly("beta");
        assertThat(run("__complete", "--", "cluster", "create", "--from-snapshot", "").stdout().lines())
                .containsExactly("alpha", "beta");
    }

    @Test
    void theOperationsAreRegisteredWithTheirSafety() {
        OperationRegistry registry = new OperationRegistry();
        Map<String, Operation<?, ?>> ops = Map.of(
                "snapshot_capture", registry.find("snapshot_capture").orElseThrow(),
                "snapshot_list", registry.find("snapshot_list").orElseThrow(),
                "snapshot_restore", registry.find("snapshot_restore").orElseThrow(),
                "snapshot_delete", registry.find("snapshot_delete").orElseThrow());

        assertThat(ops.values()).allSatisfy(op -> assertThat(op.toolset()).isEqualTo(Toolset.snapshot));
        assertThat(ops.get("snapshot_list").safety().readOnly()).isTrue();
        assertThat(ops.get("snapshot_capture").safety().readOnly()).isFalse();
        assertThat(ops.get("snapshot_restore").safety().destructive()).isTrue();
        assertThat(ops.get("snapshot_delete").safety().destructive()).isTrue();
        Operation<?, ?> capture = ops.get("snapshot_capture");
        assertThat(capture.confirmationFor(com.sikifanso.ops.ArgumentBinder.bind(capture.input(),
                Map.<String, Object>of("cluster", CLUSTER)))).as("a capture without secrets is not asked about").isEmpty();
        assertThat(capture.confirmationFor(com.sikifanso.ops.ArgumentBinder.bind(capture.input(),
                Map.<String, Object>of("cluster", CLUSTER, "includeSecrets", true)))).as("with the Argo CD password it is")
                .hasValueSatisfying(q -> assertThat(q).contains("Argo CD admin password"));
    }

    @Test
    void theOperationsCaptureListRestoreAndAskBeforeRestoring() {
        OperationRegistry registry = new OperationRegistry();
        OperationContext ctx = new OperationContext(home.services(), msg -> { });

        registry.invoke("snapshot_capture", Map.of("cluster", CLUSTER, "name", "via-mcp"), ctx);
        Object list = registry.invoke("snapshot_list", Map.of(), ctx);
        home.services().apps().enable(ClusterName.of(CLUSTER), List.of("qdrant"));
        SnapshotService.Restored restored = (SnapshotService.Restored) registry.invoke("snapshot_restore",
                Map.of("name", "via-mcp"), ctx);

        assertThat(Mappers.JSON.valueToTree(list).at("/snapshots/0/name").asText()).isEqualTo("via-mcp");
        assertThat(restored.commit()).isEqualTo(home.git().head());
        Operation<?, ?> restore = registry.find("snapshot_restore").orElseThrow();
        assertThat(restore.render(restored)).startsWith("restored snapshot via-mcp into cluster lab (commit ");
    }
}
