package com.sikifanso.cli;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.GitCli;
import com.sikifanso.RepoSnapshot;
import com.sikifanso.TestHome;
import com.sikifanso.catalog.AppService;
import com.sikifanso.cli.browse.BrowserScreen;
import com.sikifanso.core.CommitId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sikifanso app browse} in a real terminal (a 120x40 tmux pane): navigate, search, toggle with dependencies,
 * cancel (nothing written), apply (one commit, checked with git). The cluster is prepared, not running (no k3s can
 * run here), and the browser applies with --no-wait, so no Argo CD is needed: the commit is what is tested.
 */
class CatalogBrowserTerminalTest {
    private static final String TITLE = "sikifanso catalog · cluster lab";

    @TempDir
    Path tmp;

    private TestHome home;
    private GitCli git;
    private TmuxPane pane;

    @BeforeEach
    void clusterWithAlloyAndWhatItNeeds() {
        TmuxPane.assumeTmux("app browse");
        home = TestHome.withCluster(tmp);
        home.services().apps().enable(ClusterName.of(CLUSTER), List.of("alloy"));   // with loki and tempo
        git = home.git();
    }

    @AfterEach
    void stopOurTmuxServer() throws Exception {
        if (pane != null) {
            pane.close();
        }
    }

    @Test
    void searchNavigateToggleWithDependenciesAndApplyAsOneCommit() throws Exception {
        int commits = git.subjects().size();
        browse();
        String first = pane.await(s -> s.contains(TITLE) && s.contains("[ apply: nothing staged ]"));
        assertThat(line(first, "alloy")).endsWith("[on]");
        assertThat(line(first, "qdrant")).contains("High-performance vector database", "1.17.1").endsWith("[off]");
        assertThat(first).contains(BrowserScreen.KEYS);

        pane.type("/loki");
        pane.send("Enter");
        String filtered = pane.await(s -> s.contains(" filter: loki"));
        assertThat(line(filtered, "alloy")).startsWith(" > alloy");
        assertThat(filtered).contains("   loki ").doesNotContain("qdrant");

        pane.send("Down", "Enter");
        pane.await(s -> s.contains("cannot disable loki: alloy needs it (disable that first)"));
        pane.send("k", "Space");
        pane.await(s -> line(s, "alloy").endsWith("[staged off]"));
        pane.send("j", "Enter");
        pane.await(s -> line(s, "loki").endsWith("[staged off]"));

        pane.type("/");
        pane.send("Escape");
        pane.await(s -> s.contains("qdrant") && !s.contains("filter:"));
        pane.type("/temporal");
        pane.send("Enter", "Enter");
        pane.await(s -> s.contains("enable temporal, with what it needs: cnpg-operator, prometheus-stack, postgresql"));
        pane.type("/");
        pane.send("Escape");
        String staged = pane.await(s -> s.contains("qdrant") && s.contains("6 staged"));
        assertThat(line(staged, "postgresql")).endsWith("[staged on]");
        assertThat(line(staged, "tempo")).endsWith("[on]");
        assertThat(staged).contains(" staged: enable cnpg-operator, postgresql, prometheus-stack, temporal; "
                + "disable alloy, loki", "[ apply 6 changes ]");

        pane.send("q");
        String done = pane.await(s -> s.contains(TmuxPane.EXIT_MARK));

        assertThat(done).contains(TmuxPane.EXIT_MARK + "0]").doesNotContain("[ apply")
                .contains("enabled: cnpg-operator, prometheus-stack, postgresql, temporal", "disabled: alloy, loki",
                        "committed: " + CommitId.shortOf(git.head()));
        assertThat(git.subjects()).as("exactly one new commit").hasSize(commits + 1).first()
                .isEqualTo("catalog: enable cnpg-operator, prometheus-stack, postgresql, temporal; disable alloy, "
                        + "loki (auto-enabled dependencies: cnpg-operator, prometheus-stack, postgresql)");
        assertThat(git.run("show", "--name-only", "--format=", "HEAD").lines().sorted().toList()).containsExactly(
                "catalog/alloy.yaml", "catalog/cnpg-operator.yaml", "catalog/loki.yaml", "catalog/postgresql.yaml",
                "catalog/prometheus-stack.yaml", "catalog/temporal.yaml");
        assertThat(git.status()).isEmpty();
        assertThat(home.services().apps().list(ClusterName.of(CLUSTER), false)).extracting(AppService.AppRow::name)
                .containsExactlyInAnyOrder("tempo", "cnpg-operator", "prometheus-stack", "postgresql", "temporal");
    }

    @Test
    void escCancelsWithoutWritingAnything() throws Exception {
        assertCancelledBy("Escape");
    }

    @Test
    void ctrlCCancelsWithoutWritingAnything() throws Exception {
        assertCancelledBy("C-c");
    }

    @Test
    void enterOnTheApplyButtonAppliesToo() throws Exception {
        int commits = git.subjects().size();
        browse();
        pane.await(s -> s.contains(TITLE));
        pane.type("/qdrant");
        pane.send("Enter", "Space");
        pane.await(s -> line(s, "qdrant").endsWith("[staged on]"));
        pane.send("End", "Enter");

        String done = pane.await(s -> s.contains(TmuxPane.EXIT_MARK));

        assertThat(done).contains(TmuxPane.EXIT_MARK + "0]", "enabled: qdrant");
        assertThat(git.subjects()).hasSize(commits + 1).first().isEqualTo("catalog: enable qdrant");
    }

    @Test
    void appAddWithNoArgumentsOpensTheBrowserWhichFollowsTheWindowSize() throws Exception {
        RepoSnapshot before = RepoSnapshot.of(git);
        pane = TmuxPane.start(tmp, Map.of(), true, 120, 40, "-c", CLUSTER, "app", "add", "--no-wait");
        pane.await(s -> s.contains(TITLE) && s.contains("[ apply: nothing staged ]"));

        pane.resize(90, 16);
        String small = pane.await(s -> s.lines().count() <= 16 && s.contains(BrowserScreen.KEYS)
                && line(s, "litellm-proxy").endsWith("[off]"));

        assertThat(small.lines()).allSatisfy(l -> assertThat(l.stripTrailing().length()).isLessThan(90));
        assertThat(line(small, "litellm-proxy")).contains("…");
        pane.send("Escape");
        assertThat(pane.await(s -> s.contains(TmuxPane.EXIT_MARK))).contains("cancelled: nothing written");
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    private void assertCancelledBy(String key) throws Exception {
        RepoSnapshot before = RepoSnapshot.of(git);
        browse();
        pane.await(s -> s.contains(TITLE));
        pane.send("Enter");    // litellm-proxy, with all it needs
        pane.await(s -> line(s, "litellm-proxy").endsWith("[staged on]") && line(s, "ollama").endsWith("[staged on]"));

        pane.send(key);
        String done = pane.await(s -> s.contains(TmuxPane.EXIT_MARK));

        assertThat(done).contains("cancelled: nothing written", TmuxPane.EXIT_MARK + "0]").doesNotContain("[ apply");
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    private void browse() throws Exception {
        pane = TmuxPane.start(tmp, Map.of(), true, 120, 40, "-c", CLUSTER, "app", "browse", "--no-wait");
    }

    /** The screen line showing {@code app}, without trailing blanks; empty when it is not on the screen. */
    private static String line(String screen, String app) {
        return screen.lines().filter(l -> l.matches("^ [ >] " + app + " .*")).findFirst().orElse("").stripTrailing();
    }
}
