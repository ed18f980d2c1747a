package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.core.Hint;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.TextStyle;
import com.sikifanso.doctor.CheckResult;
import com.sikifanso.ops.OperationRegistry;
import com.sikifanso.ops.StructuredResults;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors are written once; over MCP (and to the AI operator) their commands are tools and their arguments. */
class ToolHintsTest {
    private final ToolHints hints = new ToolHints(new OperationRegistry().all());

    @Test
    void commandsWithAToolBecomeTheToolAndItsArguments() {
        assertThat(hints.render(Hint.of("change it with: ", Suggestion.of("agent", "update").arg("name", "bob"),
                ", or pick another name")))
                .isEqualTo("change it with: agent_update with name: \"bob\", or pick another name");
        assertThat(hints.render(Hint.of("sync now: ", Suggestion.of("app", "sync").arg("name", "qdrant")
                .cluster("lab")))).isEqualTo("sync now: app_sync with name: \"qdrant\", cluster: \"lab\"");
        assertThat(hints.render(Hint.of("see them: ", Suggestion.of("cluster", "profiles").tool("profile_list"))))
                .isEqualTo("see them: profile_list");
        assertThat(hints.render(Hint.of("prepare this one with: ", Suggestion.of("cluster", "create")
                .arg("name", "lab").flag("gitopsOnly"))))
                .isEqualTo("prepare this one with: cluster_create with name: \"lab\", gitopsOnly: true");
        assertThat(hints.render(Hint.of("run ", Suggestion.of("cluster", "info").arg("cluster", "lab"), " and retry")))
                .isEqualTo("run cluster_info with cluster: \"lab\" and retry");
    }

    @Test
    void theCliReadsAsTyped() {
        Hint hint = Hint.of("restore it: ", Suggestion.of("cluster", "create").option("fromSnapshot", "s1")
                .arg("name", "lab"), ", or ", Suggestion.of("app", "disable").flag("force").arg("name", "qdrant"),
                " (", Suggestion.of("app", "disable").flag("force").mention(), " disables it anyway)");
        assertThat(hint.cli()).isEqualTo("restore it: sikifanso cluster create --from-snapshot s1 lab, or "
                + "sikifanso app disable --force qdrant (--force disables it anyway)");
        assertThat(hints.render(hint)).isEqualTo("restore it: cluster_create with fromSnapshot: \"s1\", name: \"lab\", "
                + "or catalog_disable with force: true, name: \"qdrant\" (force: true disables it anyway)");
    }

    @Test
    void flagsBecomeArguments() {
        Suggestion force = Suggestion.of("catalog", "disable").arg("name", "qdrant").flag("force");
        assertThat(hints.render(Hint.of("disable those first, or use ", force.mention(), " to disable qdrant")))
                .isEqualTo("disable those first, or use force: true to disable qdrant");
        assertThat(hints.render(Hint.of("retry: ", force)))
                .isEqualTo("retry: catalog_disable with name: \"qdrant\", force: true");
        assertThat(hints.render(Hint.of(Suggestion.of("app", "logs").arg("name", "qdrant").option("lines", 50))))
                .as("a number stays a number").isEqualTo("app_logs with name: \"qdrant\", lines: 50");
        assertThat(hints.render(Hint.of(Suggestion.of("app", "enable").tool("catalog_enable").arg("names", "rag"))))
                .as("a list is a list").isEqualTo("catalog_enable with names: [\"rag\"]");
    }

    @Test
    void whatNoToolDoesStaysATerminalCommand() {
        assertThat(hints.render(Hint.of("print it with: ", Suggestion.of("mcp", "token"))))
                .isEqualTo("print it with: sikifanso mcp token");
        assertThat(hints.render(Hint.text("start Docker (--no-such-flag)"))).isEqualTo("start Docker (--no-such-flag)");
        assertThat(hints.render(null)).isNull();
        ToolHints readOnly = new ToolHints(new OperationRegistry().all().stream()
                .filter(op -> op.safety().readOnly()).toList());
        assertThat(readOnly.render(Hint.of(Suggestion.of("app", "sync").arg("name", "qdrant"))))
                .as("a tool this server does not offer").isEqualTo("sikifanso app sync qdrant");
    }

    @Test
    void anArgumentTheToolLacksIsAMisfitAndKeepsTheCommand() {
        Suggestion wrong = Suggestion.of("app", "sync").arg("app", "qdrant");
        assertThat(hints.misfits(wrong)).containsExactly("app");
        assertThat(hints.render(Hint.of(wrong))).isEqualTo("sikifanso app sync qdrant");
    }

    @Test
    void anErrorReadsWithItsFix() {
        SikifansoException e = SikifansoException.failure(Hint.of("cluster \"lab\" is not running: ",
                Suggestion.of("cluster", "start").arg("cluster", "lab")), "or ", Suggestion.of("cluster", "delete")
                .arg("cluster", "lab"));
        assertThat(e.getMessage()).isEqualTo("cluster \"lab\" is not running: sikifanso cluster start lab");
        assertThat(e.hint()).isEqualTo("or sikifanso cluster delete lab");
        assertThat(hints.error(e)).isEqualTo("cluster \"lab\" is not running: cluster_start with cluster: \"lab\"\n"
                + "To fix: or cluster_delete with cluster: \"lab\"");
        assertThat(hints.error(SikifansoException.failure("plain", (String) null))).isEqualTo("plain");
        assertThat(List.of(e.fix().suggestions().getFirst().tool())).containsExactly("cluster_delete");
    }

    @Test
    void aResultsNextStepAndFixReadInTheSurfacesWords() {
        Hint next = Hint.of("see them: ", Suggestion.of("app", "list").flag("all", "enabledOnly", false));
        assertThat(TextStyle.PLAIN.hint(next)).isEqualTo("see them: sikifanso app list --all");
        assertThat(hints.style().hint(next)).isEqualTo("see them: catalog_list with enabledOnly: false");

        CheckResult row = CheckResult.fail("Session", "no such cluster", "none", Hint.of("create it: ",
                Suggestion.of("cluster", "create").arg("name", "lab")));
        assertThat(StructuredResults.of(row)).containsEntry("fix", "create it: sikifanso cluster create lab");
        assertThat(StructuredResults.of(row, hints)).containsEntry("fix", "create it: cluster_create with name: \"lab\"")
                .containsEntry("cause", "none").doesNotContainKey("parts");
    }

    @Test
    void aCommandOnlyTheTerminalCanRunStaysOneEvenWhereATool() {
        Suggestion attach = Suggestion.of("cluster", "attach").arg("cluster", "lab").option("context", "kind-x")
                .cliOption("gitops-remote", "https://h/o/r.git");
        assertThat(hints.render(Hint.of(attach))).as("cluster_attach takes no remote")
                .isEqualTo("sikifanso cluster attach lab --context kind-x --gitops-remote https://h/o/r.git");
        assertThat(hints.render(Hint.of(Suggestion.of("cluster", "attach").option("context", "CTX").mention())))
                .isEqualTo("context: \"CTX\"");
    }

    @Test
    void stepsOneAfterAnotherAreJoinedByTheShellOnTheCliAndInWordsForAModel() {
        Hint recover = com.sikifanso.gitops.RepoRecovery.hint(com.sikifanso.core.ClusterName.of("lab"));
        assertThat(recover.cli()).endsWith("or recreate the cluster: sikifanso cluster delete lab && "
                + "sikifanso cluster create lab");
        assertThat(hints.render(recover)).endsWith("or recreate the cluster: cluster_delete with cluster: \"lab\", "
                + "then cluster_create with name: \"lab\"").doesNotContain("&&");
    }

    @Test
    void appAddsChartFieldsAreItsArgumentsForAModelAndACatalogEntrysKeysInLint() {
        SikifansoException bad = org.assertj.core.api.Assertions.catchThrowableOfType(SikifansoException.class,
                () -> com.sikifanso.catalog.ChartReference.require("https://h/charts", "../x", "1.0.0"));
        assertThat(bad.getMessage()).isEqualTo("--chart \"../x\" is not a chart name");
        assertThat(hints.error(bad)).startsWith("chart \"../x\" is not a chart name\nTo fix: ")
                .endsWith("the repository goes in repoUrl");
        SikifansoException entry = org.assertj.core.api.Assertions.catchThrowableOfType(SikifansoException.class,
                () -> com.sikifanso.catalog.ChartReference.require("https://h/charts", "x", "latest",
                        com.sikifanso.catalog.ChartReference.ENTRY));
        assertThat(hints.error(entry)).startsWith("targetRevision \"latest\" is not a chart version");
    }
}
