package com.sikifanso.catalog;

import static com.sikifanso.catalog.CatalogEntryFiles.entry;
import static com.sikifanso.catalog.CatalogEntryFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.cli.InProcess;
import com.sikifanso.cli.SikifansoProcess;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Suggestion;
import com.sikifanso.mcp.ToolHints;
import com.sikifanso.ops.OperationRegistry;
import com.sikifanso.ops.StructuredResults;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog lint} on directories of entries, with charts looked up in a Helm repository served on this machine
 * ({@link HelmRepoServer}): each error is asserted whole, file, field, problem and fix, as a contributor reads it.
 */
class CatalogLintTest {
    @TempDir
    Path tmp;

    private HelmRepoServer charts;
    private Path dir;
    /** Findings are equal when they read the same: a fix is a Hint, whose parts may be cut differently. */
    private static final Comparator<LintFinding> BY_LINE = Comparator.comparing(LintFinding::toString);

    private final CatalogLint lint = new CatalogLint(BuiltInCatalog.names());

    @BeforeEach
    void chartRepository() throws Exception {
        charts = HelmRepoServer.start(Map.of("vectordb", List.of("1.0.0", "0.9.0"), "embedder", List.of("1.0.0")));
        dir = tmp.resolve("entries");
    }

    @AfterEach
    void stop() {
        charts.close();
    }

    /** As {@code catalog lint} checks: the fix of an unreachable repository names its --no-chart-check. */
    private static final Hint LINT_WITHOUT_CHARTS = Hint.of(", or lint without looking them up: ",
            Suggestion.of("catalog", "lint").cliFlag("no-chart-check"));

    private LintReport lint() {
        return lint(LINT_WITHOUT_CHARTS);
    }

    private LintReport lint(Hint orWithout) {
        return lint.lint(dir.toString(), CatalogDirectory.read(dir),
                new CatalogLint.Charts.Checked(new ChartAvailability(), orWithout));
    }

    private void goodEntries() throws Exception {
        write(dir, "vectordb", entry("vectordb", charts.url(), "dependsOn: [embedder, postgresql]",
                "agentAccess:", "  port: 6333", "  podLabels:", "    app.kubernetes.io/name: vectordb"));
        write(dir, "embedder", entry("embedder", charts.url()));
        write(dir.resolve("values"), "vectordb", "replicaCount: 1\n");
    }

    @Test
    void entriesInTheBuiltInFormatWithChartsDependenciesAndPortsPass() throws Exception {
        goodEntries();

        LintReport report = lint();

        assertThat(report.errors()).isEmpty();
        assertThat(report.entries()).containsExactly("embedder", "vectordb");
        assertThat(report.charts()).isEqualTo("checked");
    }

    @Test
    void theExampleEntryOfContributingPassesLint() throws Exception {
        String contributing = Files.readString(Path.of("CONTRIBUTING.md"));
        int start = contributing.indexOf("```yaml\n") + "```yaml\n".length();
        String example = contributing.substring(start, contributing.indexOf("```", start));
        write(dir, "vectordb", example.replace("https://charts.example.org", charts.url()));
        write(dir, "embedder", entry("embedder", charts.url()));

        assertThat(lint().errors()).isEmpty();
    }

    @Test
    void schemaErrorsNameTheFileTheFieldAndTheFix() throws Exception {
        write(dir, "vectordb", entry("vectordb", charts.url()).replace("namespace: rag\n", "")
                .replace("tier: 1-data", "tier: 3-apps").replace("enabled: false", "enabled: true")
                + "chartVersion: 1.0.0\n");

        assertThat(lint().errors()).usingElementComparator(BY_LINE).containsExactly(
                new LintFinding("vectordb.yaml", "chartVersion", "is not a field of a catalog entry",
                        "remove it (fields: agentAccess, category, chart, credentials, dependsOn, description,"
                                + " diagnostics, enabled, name, namespace, repoURL, targetRevision, tier)"),
                new LintFinding("vectordb.yaml", "namespace", "is missing",
                        "add namespace: the namespace it installs into, e.g. rag"),
                new LintFinding("vectordb.yaml", "enabled", "is true: a proposed entry starts disabled",
                        "write enabled: false (users turn it on with sikifanso app enable)"),
                new LintFinding("vectordb.yaml", "tier", "\"3-apps\" is not a tier", "use one of 0-operators,"
                        + " 1-data, 2-services (operators, data stores, services), or leave it out for 2-services"));
    }

    @Test
    void aNameThatIsNotTheFilesOrHasTheSourceSeparatorIsRefused() throws Exception {
        write(dir, "vectordb", entry("vector-db", charts.url()));
        write(dir, "a--b", entry("a--b", charts.url()));

        assertThat(lint.lint("names", CatalogDirectory.read(dir), new CatalogLint.Charts.Skipped("names only"))
                .errors()).usingElementComparator(BY_LINE).containsExactly(
                new LintFinding("a--b.yaml", "name", "\"a--b\" is not a lower-case DNS-1123 label of at most 40"
                        + " characters without \"--\"", "use letters, digits and single dashes, e.g. name: vector-store"),
                new LintFinding("vectordb.yaml", "name", "is \"vector-db\", not the file's name",
                        "write name: vectordb (or rename the file to vector-db.yaml)"));
    }

    @Test
    void aChartVersionTheRepositoryLacksAndAnUnreachableRepositoryAreErrors() throws Exception {
        write(dir, "vectordb", entry("vectordb", charts.url()).replace("\"1.0.0\"", "\"9.9.9\""));
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        write(dir, "embedder", entry("embedder", "http://127.0.0.1:" + closed));
        write(dir, "nochart", entry("nochart", charts.url()));

        List<LintFinding> errors = lint().errors();

        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).file()).isEqualTo("embedder.yaml");
        assertThat(errors.get(0).field()).isEqualTo("repoURL");
        assertThat(errors.get(0).problem()).startsWith("cannot verify embedder at http://127.0.0.1:" + closed + ": ");
        assertThat(errors.get(0).fix().cli()).as("the linting command's own way round, not app add's --verify")
                .isEqualTo("check the URL and your network, or lint without looking them up: sikifanso catalog lint "
                        + "--no-chart-check");
        assertThat(lint(null).errors().get(0).fix().cli()).as("catalog source add: no way round the lookup")
                .isEqualTo("check the URL and your network");
        assertThat(errors.get(1)).usingComparator(BY_LINE).isEqualTo(new LintFinding("nochart.yaml", "chart", "there is no chart \"nochart\" in "
                + charts.url(), "charts there: " + String.join(", ", chartNames())));
        assertThat(errors.get(2)).usingComparator(BY_LINE).isEqualTo(new LintFinding("vectordb.yaml", "targetRevision", "chart \"vectordb\" in "
                + charts.url() + " has no version 9.9.9", "versions there: 1.0.0, 0.9.0"));
    }

    private List<String> chartNames() throws Exception {
        List<String> names = new java.util.ArrayList<>();
        Mappers.YAML.readTree(new java.net.URI(charts.url() + "/index.yaml").toURL()).path("entries").fieldNames()
                .forEachRemaining(names::add);
        return names;
    }

    @Test
    void dependenciesMustExistBesideTheEntryOrInTheBuiltInCatalogWithoutACycle() throws Exception {
        write(dir, "vectordb", entry("vectordb", charts.url(), "dependsOn: [embedder, postgres]"));
        write(dir, "embedder", entry("embedder", charts.url()));

        assertThat(lint().errors()).usingElementComparator(BY_LINE).containsExactly(new LintFinding("vectordb.yaml", "dependsOn",
                "names \"postgres\", which is neither in this directory nor in the built-in catalog",
                "add postgres.yaml beside it, or depend on a built-in entry (sikifanso app list --all)"));

        write(dir, "vectordb", entry("vectordb", charts.url(), "dependsOn: [embedder]"));
        write(dir, "embedder", entry("embedder", charts.url(), "dependsOn: [vectordb]"));
        assertThat(lint().errors()).usingElementComparator(BY_LINE).containsExactly(new LintFinding("embedder.yaml", "dependsOn",
                "dependency cycle in the catalog: embedder -> vectordb -> embedder",
                "remove one dependsOn on the cycle"));
    }

    @Test
    void anAgentAccessMustDeclareItsPortAndPodLabels() throws Exception {
        write(dir, "vectordb", entry("vectordb", charts.url(), "agentAccess:", "  podLabels: {}"));

        assertThat(lint().errors()).usingElementComparator(BY_LINE).containsExactly(
                new LintFinding("vectordb.yaml", "agentAccess.port", "is not declared", "declare the port agents"
                        + " connect to, e.g. port: 8080 (agent sandboxes allow only that port)"),
                new LintFinding("vectordb.yaml", "agentAccess.podLabels", "is empty",
                        "give the labels of the pods agents reach, e.g. app.kubernetes.io/name: vectordb"));
    }

    @Test
    void brokenYamlAWrongShapeAValuesFileWithALiteralPasswordAndAnEmptyDirectoryAreErrors() throws Exception {
        write(dir, "broken", "name: [broken\n");
        write(dir, "vectordb", entry("vectordb", charts.url(), "dependsOn: embedder"));
        write(dir.resolve("values"), "embedder", "auth:\n  password: hunter2\n");

        List<LintFinding> errors = lint().errors();

        assertThat(errors).extracting(LintFinding::file, LintFinding::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("broken.yaml", ""),
                org.assertj.core.groups.Tuple.tuple("values/embedder.yaml", ""),
                org.assertj.core.groups.Tuple.tuple("vectordb.yaml", "dependsOn"));
        assertThat(errors.get(0).problem()).startsWith("is not valid YAML: ");
        assertThat(errors.get(1)).usingComparator(BY_LINE).isEqualTo(new LintFinding("values/embedder.yaml", "", "is the values of no entry"
                + " (there is no embedder.yaml)", "name it after its entry's file, or remove it"));
        assertThat(errors.get(2).problem()).startsWith("has the wrong shape: ");

        Files.delete(dir.resolve("broken.yaml"));
        write(dir, "embedder", entry("embedder", charts.url()));
        write(dir, "vectordb", entry("vectordb", charts.url()));
        assertThat(lint().errors()).usingElementComparator(BY_LINE).containsExactly(new LintFinding("values/embedder.yaml", "auth.password",
                "is a literal credential", "declare it under credentials: in the entry, so each cluster generates"
                        + " its own"));

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(lint.lint("empty", CatalogDirectory.read(empty), new CatalogLint.Charts.Skipped("test"))
                .errors()).usingElementComparator(BY_LINE).containsExactly(new LintFinding(".", "", "holds no catalog entry (NAME.yaml)",
                "point at the directory of the entry files; see CONTRIBUTING.md, Proposing a catalog entry"));
    }

    private SikifansoProcess.Result sikifanso(String... args) {
        return InProcess.run(tmp.resolve("home"), Map.of("HOME", tmp.toString(),
                "DOCKER_HOST", "unix://" + tmp.resolve("no.sock")), false, args);
    }

    @Test
    void theCommandExitsNonZeroOnErrorsAndPrintsThemAsJson() throws Exception {
        goodEntries();
        SikifansoProcess.Result clean = sikifanso("catalog", "lint", dir.toString());
        assertThat(clean.exitCode()).isZero();
        assertThat(clean.stdout()).isEqualTo(dir + ": 2 entries, no errors (charts checked).\n");

        write(dir, "embedder", entry("embedder", charts.url(), "agentAccess: {podLabels: {app: embedder}}"));
        SikifansoProcess.Result table = sikifanso("catalog", "lint", dir.toString());
        SikifansoProcess.Result json = sikifanso("-o", "json", "catalog", "lint", dir.toString());

        assertThat(table.exitCode()).isEqualTo(1);
        assertThat(table.stdout()).isEqualTo("embedder.yaml: agentAccess.port: is not declared (fix: declare the port"
                + " agents connect to, e.g. port: 8080 (agent sandboxes allow only that port))\n"
                + dir + ": 2 entries, 1 error (charts checked).\n");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode report = Mappers.JSON.readTree(json.stdout());
        assertThat(report.path("errors").get(0).path("file").asText()).isEqualTo("embedder.yaml");
        assertThat(report.path("errors").get(0).path("field").asText()).isEqualTo("agentAccess.port");
        assertThat(report.path("errors").get(0).path("fix").asText()).startsWith("declare the port");

        SikifansoProcess.Result missing = sikifanso("catalog", "lint", tmp.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains(tmp.resolve("nowhere") + " is not a directory");
    }

    /**
     * A source whose entries fail lint is refused by catalog_source_add too, a tool: the fixes that name commands read
     * as tools for a model (ToolHints renders MCP's tool errors and structuredContent), YAML stays YAML.
     */
    @Test
    void fixesThatNameCommandsReadAsToolsForAModel() throws Exception {
        write(dir, "vectordb", entry("vectordb", charts.url()).replace("enabled: false", "enabled: true"));
        write(dir, "embedder", entry("embedder", charts.url(), "dependsOn: [postgres]"));
        LintReport report = lint.lint("community", CatalogDirectory.read(dir),
                new CatalogLint.Charts.Skipped("offline"));
        ToolHints model = new ToolHints(new OperationRegistry().all());

        assertThatThrownBy(() -> CatalogLint.requireClean(report, "catalog source community"))
                .isInstanceOfSatisfying(SikifansoException.class, e -> {
                    assertThat(e.getMessage()).contains("enabled: is true: a proposed entry starts disabled (fix: write"
                            + " enabled: false (users turn it on with sikifanso app enable))",
                            "(sikifanso app list --all))");
                    assertThat(model.error(e)).contains("(fix: write enabled: false (users turn it on with "
                            + "catalog_enable))", "depend on a built-in entry (catalog_list with enabledOnly: false))")
                            .doesNotContain("sikifanso app");
                });
        assertThat(Mappers.JSON.valueToTree(StructuredResults.of(report, model)).path("errors").findValuesAsText("fix"))
                .contains("write enabled: false (users turn it on with catalog_enable)");
    }
}
