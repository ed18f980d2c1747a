package com.sikifanso.cli;

import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.RepoSnapshot;
import com.sikifanso.TestHome;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a terminal the catalog browser does not open: one usage error saying what to run instead. */
class AppBrowseWithoutATerminalTest {
    @TempDir
    Path tmp;

    private TestHome home;

    @BeforeEach
    void prepareCluster() {
        home = TestHome.withCluster(tmp);
    }

    @Test
    void browseSaysToUseEnableAndDisableAndWritesNothing() {
        RepoSnapshot before = RepoSnapshot.of(home.git());

        SikifansoProcess.Result r = InProcess.run(tmp, "-c", CLUSTER, "app", "browse");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("Error: the catalog browser needs a terminal (stdin and stdout are not one)\n"
                + "  change apps with: sikifanso app enable NAME / sikifanso app disable NAME (see sikifanso app "
                + "list --all)\n");
        assertThat(RepoSnapshot.of(home.git())).isEqualTo(before);
    }

    @Test
    void theRealProcessWithItsInputFromDevNullIsNoTerminalEither() {
        SikifansoProcess.Result r = new SikifansoProcess(tmp).run("-c", CLUSTER, "app", "browse", "--no-wait");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("Error: the catalog browser needs a terminal");
    }

    @Test
    void addWithNoArgumentsAndNoTerminalNamesTheMissingFlagsAndTheCatalogWay() {
        SikifansoProcess.Result r = InProcess.run(tmp, "-c", CLUSTER, "app", "add");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("Error: missing NAME, --repo, --version (no terminal to ask on)\n")
                .contains("; for a catalog app: sikifanso app enable NAME\n");
    }

    @Test
    void theHelpOfAppListsBrowseAndExplainsItsKeys() {
        SikifansoProcess.Result app = InProcess.run(tmp, "app", "--help");
        SikifansoProcess.Result browse = InProcess.run(tmp, "app", "browse", "--help");

        assertThat(app.stdout()).contains("  browse ");
        assertThat(browse.stdout()).contains("esc or ctrl+c cancels without writing anything", "--no-wait",
                "sikifanso app enable NAME");
    }
}
