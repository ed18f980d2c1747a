package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.TestHome;
import com.sikifanso.core.Mappers;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dry-run} on the commands whose change is a commit: the plan is printed, nothing is committed. */
class DryRunCommandsTest {
    @TempDir
    Path root;

    private TestHome home;

    @BeforeEach
    void prepare() {
        home = TestHome.withCluster(root);
    }

    private SikifansoProcess.Result run(String... args) {
        return InProcess.run(root, args);
    }

    @Test
    void enableDisableAndAgentCommandsPrintThePlanAndCommitNothing() throws Exception {
        String head = home.git().head();

        SikifansoProcess.Result enable = run("-c", "lab", "app", "enable", "qdrant", "--dry-run");
        assertThat(enable.exitCode()).as(enable.stderr()).isZero();
        assertThat(enable.stdout()).contains("plan: Commit \"catalog: enable qdrant\"", "files: catalog/qdrant.yaml",
                "+enabled: true", "Nothing was changed (dry run).");

        SikifansoProcess.Result json = run("-c", "lab", "-o", "json", "agent", "create", "bob", "--dry-run");
        JsonNode plan = Mappers.JSON.readTree(json.stdout());
        assertThat(plan.path("operation").asText()).isEqualTo("agent_create");
        assertThat(plan.path("files").toString()).contains("agents/bob.yaml");
        assertThat(plan.path("diff").asText()).contains("+name: bob");

        SikifansoProcess.Result disable = run("-c", "lab", "app", "disable", "qdrant", "--dry-run");
        assertThat(disable.stdout()).contains("would change nothing", "already disabled");

        SikifansoProcess.Result delete = run("-c", "lab", "agent", "delete", "ghost", "--dry-run");
        assertThat(delete.exitCode()).as("fails as the call would").isEqualTo(1);
        assertThat(delete.stderr()).contains("ghost");

        assertThat(home.git().head()).as("no commit").isEqualTo(head);
    }
}
