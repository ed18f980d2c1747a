package com.sikifanso.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.Services;
import com.sikifanso.argocd.RunUndo;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.ClusterName;
import com.sikifanso.gitops.SyncTarget;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.SikifansoHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run trailers on commits and run_undo, on a real GitOps repo (cluster prepared without nodes: the undo is a commit,
 * and the commit is what is asserted, with the git CLI as a user would read it).
 */
class RunUndoTest {
    @TempDir
    Path home;

    private Services services;
    private Path repo;

    @BeforeEach
    void cluster() {
        services = new Services(new BuildInfo("test", "none"), new SikifansoHome(home.resolve("home")),
                Duration.ofSeconds(5), line -> { }, Map.of("KUBECONFIG", home.resolve("none").toString(),
                        "HOME", home.toString(), "DOCKER_HOST", "unix:///nonexistent.sock"));
        services.clusters().prepare(ClusterName.of("lab"), new TemplateSource.Embedded(), null);
        repo = Path.of(services.sessions().load(ClusterName.of("lab")).gitOpsPath());
    }

    private <I extends Record, O extends Record> O call(Surface surface, String run, Operation<I, O> op, I input) {
        Invocations.Caller caller = Invocations.Caller.program(surface, line -> { });
        return services.invocations().invoke(op, input, run == null ? caller : caller.underRun(run));
    }

    private void enable(Surface surface, String run, String app) {
        call(surface, run, CatalogOps.ENABLE, new CatalogOps.EnableInput("lab", List.of(app), false));
    }

    private RunUndo.Undone undo(String run) {
        return call(Surface.cli, null, RunOps.UNDO, new RunOps.UndoInput("lab", run, false));
    }

    @Test
    void everyCommitOfACallCarriesItsRunAndSurface() throws Exception {
        enable(Surface.ai, "run-7", "qdrant");
        call(Surface.mcp, null, AgentOps.CREATE, PlansTest.agent("bob", null));

        assertThat(git("log", "-1", "--skip=1", "--format=%(trailers)"))
                .contains("Sikifanso-Run: run-7", "Sikifanso-Surface: ai");
        String agentCommit = git("log", "-1", "--format=%(trailers:key=Sikifanso-Surface,valueonly)");
        assertThat(agentCommit).isEqualTo("mcp");
        assertThat(git("log", "-1", "--format=%(trailers:key=Sikifanso-Run,valueonly)"))
                .as("a run id chosen by the journal").matches("[0-9a-f-]{36}");
        assertThat(git("log", "-1", "--format=%s")).as("the subject stays the change's").startsWith("agent: create bob (");
    }

    @Test
    void undoRevertsExactlyTheRunsCommitsInOneCommit() throws Exception {
        enable(Surface.ai, "run-1", "qdrant");
        call(Surface.ai, "run-1", AgentOps.CREATE, PlansTest.agent("bob", null));
        enable(Surface.cli, null, "valkey");
        int commits = commitCount();

        RunUndo.Undone undone = undo(null);

        assertThat(undone.run()).as("the newest ai run by default").isEqualTo("run-1");
        assertThat(undone.reverted()).extracting(RunUndo.Reverted::subject)
                .satisfiesExactly(s -> assertThat(s).startsWith("agent: create bob"),
                        s -> assertThat(s).isEqualTo("catalog: enable qdrant"));
        assertThat(commitCount()).isEqualTo(commits + 1);
        assertThat(git("rev-parse", "HEAD")).isEqualTo(undone.commit());
        assertThat(git("status", "--porcelain")).isEmpty();
        Catalog catalog = Catalog.load(repo);
        assertThat(catalog.get("qdrant").enabled()).isFalse();
        assertThat(catalog.get("valkey").enabled()).as("another run's change stays").isTrue();
        assertThat(Files.exists(repo.resolve("agents/bob.yaml"))).isFalse();
        // Against the state before the run: only the other run's change remains.
        assertThat(git("diff", "--stat", "HEAD~4", "HEAD")).contains("catalog/valkey.yaml").contains("1 file");
        assertThat(git("log", "-1", "--format=%(trailers:key=Sikifanso-Undoes,valueonly)")).isEqualTo("run-1");
        assertThat(undone.pendingSync().orElseThrow().targets()).extracting(SyncTarget::kind)
                .containsOnly(SyncTarget.Kind.DISAPPEAR);
    }

    @Test
    void undoIsRefusedWhenALaterCommitChangedTheSameFiles() throws Exception {
        enable(Surface.ai, "run-2", "qdrant");
        call(Surface.cli, null, CatalogOps.DISABLE, new CatalogOps.DisableInput("lab", "qdrant", false, false));
        String head = git("rev-parse", "HEAD");

        assertThatThrownBy(() -> undo("run-2"))
                .hasMessageContaining("commits made after it changed the same files")
                .hasMessageContaining("catalog/qdrant.yaml")
                .hasMessageContaining("catalog: disable qdrant");
        assertThat(git("rev-parse", "HEAD")).as("nothing committed").isEqualTo(head);
        assertThat(git("status", "--porcelain")).isEmpty();
    }

    @Test
    void aRunWithoutCommitsIsRefused() throws Exception {
        enable(Surface.ai, "run-3", "qdrant");
        enable(Surface.ai, "run-4", "qdrant");
        String head = git("rev-parse", "HEAD");

        assertThatThrownBy(() -> undo("run-4")).hasMessageContaining("run run-4 made no commits")
                .hasMessageContaining("nothing to undo");
        assertThat(git("rev-parse", "HEAD")).isEqualTo(head);
    }

    @Test
    void withoutAnAiRunThereIsNothingToUndoByDefault() {
        enable(Surface.cli, null, "qdrant");

        assertThatThrownBy(() -> undo(null)).hasMessageContaining("no run of the AI operator made commits");
    }

    @Test
    void anUndoneRunIsNotUndoneTwiceAndTheUndoCanBeUndone() throws Exception {
        enable(Surface.ai, "run-5", "qdrant");
        RunUndo.Undone first = undo("run-5");

        assertThatThrownBy(() -> undo("run-5")).hasMessageContaining("already undone in commit "
                + first.commit().substring(0, 7));
        String undoRun = git("log", "-1", "--format=%(trailers:key=Sikifanso-Run,valueonly)");
        undo(undoRun);
        assertThat(Catalog.load(repo).get("qdrant").enabled()).as("the undo undone").isTrue();
    }

    @Test
    void undoIsPlannedAsTheDiffItWouldCommit() throws Exception {
        enable(Surface.ai, "run-6", "qdrant");
        String head = git("rev-parse", "HEAD");

        Plan plan = services.invocations().plan(RunOps.UNDO, new RunOps.UndoInput("lab", null, true),
                Invocations.Caller.program(Surface.cli, line -> { }));

        assertThat(plan.files()).containsExactly("catalog/qdrant.yaml");
        assertThat(plan.diff()).contains("-enabled: true", "+enabled: false");
        assertThat(plan.summary()).contains("undo run run-6");
        assertThat(plan.safety()).isEqualTo(Safety.DESTRUCTIVE_REPEATING);
        assertThat(git("rev-parse", "HEAD")).isEqualTo(head);
    }

    private int commitCount() throws Exception {
        return Integer.parseInt(git("rev-list", "--count", "HEAD"));
    }

    private String git(String... args) throws IOException, InterruptedException {
        return PlansTest.git(repo, args);
    }
}
