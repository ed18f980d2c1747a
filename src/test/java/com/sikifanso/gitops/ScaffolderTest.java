package com.sikifanso.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.GitCli;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffolderTest {
    private static final BuildInfo BUILD = BuildInfo.load();

    @TempDir
    Path tmp;

    private final Scaffolder scaffolder = new Scaffolder(BUILD.version());

    @Test
    void scaffoldingMakesOneCommitAuthoredBySikifansoThatNamesTheVersion() {
        Path target = tmp.resolve("gitops");

        scaffolder.scaffold(target, new TemplateSource.Embedded());

        GitCli git = new GitCli(target);
        assertThat(BUILD.version()).isNotBlank().isNotEqualTo("dev");
        assertThat(git.log("%an <%ae>|%cn <%ce>|%s")).containsExactly(
                "sikifanso <sikifanso@local>|sikifanso <sikifanso@local>|Initial scaffold (sikifanso "
                        + BUILD.version() + ")");
        assertThat(git.run("rev-parse", "--abbrev-ref", "HEAD").strip()).isEqualTo("main");
        assertThat(git.status()).isEmpty();
    }

    @Test
    void theScaffoldHoldsTheThreeApplicationSetsTheCatalogAndTheWorkDirectories() throws IOException {
        Path target = tmp.resolve("gitops");

        scaffolder.scaffold(target, new TemplateSource.Embedded());

        List<String> files = new GitCli(target).files();
        assertThat(files).contains("bootstrap/root-app.yaml", "bootstrap/root-catalog.yaml",
                "bootstrap/root-agents.yaml", "apps/coordinates/.gitkeep", "apps/values/.gitkeep",
                "agents/.gitkeep", "agents/values/.gitkeep", "infra/README.md", "README.md");
        assertThat(applicationSetNames(target)).containsExactly(
                Map.entry("bootstrap/root-agents.yaml", "agents"),
                Map.entry("bootstrap/root-app.yaml", "root"),
                Map.entry("bootstrap/root-catalog.yaml", "catalog"));
        List<String> entries = files.stream().filter(f -> f.matches("catalog/[^/]+\\.yaml")).toList();
        List<String> values = files.stream().filter(f -> f.matches("catalog/values/[^/]+\\.yaml")).toList();
        assertThat(entries).hasSize(21);
        assertThat(values).hasSize(21);
        assertThat(values).allSatisfy(v -> assertThat(entries).contains(v.replace("values/", "")));
    }

    @Test
    void aTemplateMissingRequiredFilesIsRefusedWithTheListAndLeavesNothingBehind() throws IOException {
        Path template = tmp.resolve("template");
        Files.createDirectories(template.resolve("bootstrap"));
        Files.writeString(template.resolve("bootstrap/root-app.yaml"), "kind: ApplicationSet\n");
        Path target = tmp.resolve("clusters/lab/gitops");

        assertThatThrownBy(() -> scaffolder.scaffold(target, new TemplateSource.Custom(template.toString(), null)))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("bootstrap template " + template + " is missing bootstrap/root-catalog.yaml, "
                        + "bootstrap/root-agents.yaml, catalog");
        assertThat(target).doesNotExist();
        try (var left = Files.list(target.getParent())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void scaffoldingOverAnExistingRepoIsRefused() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("gitops"));

        assertThatThrownBy(() -> scaffolder.scaffold(target, new TemplateSource.Embedded()))
                .hasMessage("a GitOps repo already exists at " + target);
    }

    private static Map<String, String> applicationSetNames(Path repo) throws IOException {
        Map<String, String> names = new java.util.TreeMap<>();
        for (String file : List.of("bootstrap/root-app.yaml", "bootstrap/root-catalog.yaml",
                "bootstrap/root-agents.yaml")) {
            JsonNode doc = Mappers.YAML.readTree(repo.resolve(file).toFile());
            assertThat(doc.path("kind").asText()).as(file).isEqualTo("ApplicationSet");
            names.put(file, doc.path("metadata").path("name").asText());
        }
        return names;
    }
}
