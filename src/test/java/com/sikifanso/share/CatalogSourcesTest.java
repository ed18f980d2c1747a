package com.sikifanso.share;

import static com.sikifanso.catalog.CatalogEntryFiles.entry;
import static com.sikifanso.catalog.CatalogEntryFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.Services;
import com.sikifanso.catalog.AppService;
import com.sikifanso.catalog.CommunityCatalog;
import com.sikifanso.cli.InProcess;
import com.sikifanso.cli.SikifansoProcess;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.SikifansoHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Community catalogs from a real git repository (made with the git CLI, read over {@code git+file://}: JGit's
 * fetch, as for https), with charts in a Helm repository served on this machine, into a real GitOps repo
 * (--gitops-only cluster), through the CLI and the services every surface calls.
 */
class CatalogSourcesTest {
    private static final ClusterName LAB = ClusterName.of("lab");

    @TempDir
    Path tmp;

    private CommunityCatalog catalog;
    private Path community;
    private Services services;

    @BeforeEach
    void aCommunityCatalogInGit() throws Exception {
        catalog = CommunityCatalog.serving(tmp.resolve("community"), Map.of("vectordb", List.of("1.0.0", "0.9.0"),
                "embedder", List.of("1.0.0"), "qdrant", List.of("1.0.0")));
        community = catalog.dir();
        Path entries = catalog.entries();
        write(entries, "vectordb", entry("vectordb", catalog.chartsUrl(), "dependsOn: [embedder, valkey]",
                "agentAccess:", "  port: 6333", "  podLabels:", "    app.kubernetes.io/name: vectordb"));
        write(entries, "embedder", entry("embedder", catalog.chartsUrl()));
        // The same name as a built-in entry: enabled as community/qdrant, beside the built-in qdrant.
        write(entries, "qdrant", entry("qdrant", catalog.chartsUrl()));
        write(entries.resolve("values"), "vectordb", "replicaCount: 2\n");
        Files.writeString(community.resolve("README.md"), "A catalog\n");
        catalog.commitAll("three entries");
        services = new Services(new BuildInfo("test", "none"), new SikifansoHome(tmp.resolve("home")),
                Duration.ofSeconds(5), msg -> { }, env());
        services.clusters().prepare(LAB, new TemplateSource.Embedded(), null);
    }

    private Map<String, String> env() {
        return Map.of("SIKIFANSO_HOME", tmp.resolve("home").toString(), "HOME", tmp.toString(),
                "DOCKER_HOST", "unix://" + tmp.resolve("no.sock"), "KUBECONFIG", tmp.resolve("kubeconfig").toString());
    }

    @AfterEach
    void stop() {
        catalog.close();
    }

    private String git(String... args) throws Exception {
        return catalog.git(args);
    }

    private String ref() {
        return catalog.ref();
    }

    private SikifansoProcess.Result sikifanso(String... args) {
        return InProcess.run(tmp.resolve("home"), env(), false, args);
    }

    private Path repo() {
        return Path.of(services.sessions().load(LAB).gitOpsPath());
    }

    @Test
    void anAddedSourceIsPinnedToItsCommitAndItsEntriesAreEnabledAsSourceSlashName() throws Exception {
        String head = git("rev-parse", "HEAD");

        SikifansoProcess.Result added = sikifanso("-o", "json", "catalog", "source", "add", "community", ref());

        assertThat(added.exitCode()).as(added.stderr()).isZero();
        JsonNode source = Mappers.JSON.readTree(added.stdout());
        assertThat(source.path("pin").asText()).isEqualTo(head);
        assertThat(source.path("pinned").asText()).isEqualTo("git+file://" + community + "//entries@" + head);
        assertThat(source.path("entries")).extracting(JsonNode::asText)
                .containsExactly("embedder", "qdrant", "vectordb");
        assertThat(sikifanso("catalog", "source", "list").stdout()).contains("community", "entries@" + head,
                "embedder, qdrant, vectordb");

        List<AppService.AppRow> rows = services.apps().list(LAB, true);
        assertThat(rows).filteredOn(r -> r.name().endsWith("qdrant"))
                .extracting(AppService.AppRow::name, AppService.AppRow::source)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("qdrant", "catalog"),
                        org.assertj.core.groups.Tuple.tuple("community/qdrant", "community"));

        AppService.ToggleResult enabled = services.apps().enable(LAB, List.of("community/vectordb"));

        assertThat(enabled.changed()).containsExactly("community--embedder", "valkey", "community--vectordb");
        assertThat(Files.readString(repo().resolve("catalog/community--vectordb.yaml")))
                .startsWith("# From catalog source community at " + head)
                .contains("name: community--vectordb", "enabled: true", "- community--embedder", "- valkey",
                        "port: 6333");
        assertThat(repo().resolve("catalog/values/community--vectordb.yaml")).hasContent("replicaCount: 2");
        assertThat(repo().resolve("catalog/values/community--embedder.yaml")).exists();
        assertThat(Files.readString(repo().resolve("catalog/qdrant.yaml"))).contains("enabled: false");
        assertThat(services.apps().list(LAB, false)).extracting(AppService.AppRow::name)
                .contains("community/vectordb", "community/embedder", "valkey");
    }

    @Test
    void aProfileBundleNamingASourcesEntryEnablesItFromTheSourceAddedHereAndIsRefusedWithoutIt() throws Exception {
        Path bundle = Files.writeString(tmp.resolve("bundle.yaml"), """
                apiVersion: sikifanso.io/v1alpha1
                kind: ProfileBundle
                metadata: {name: vectors}
                apps:
                  - {name: community/vectordb, version: 0.9.0}
                """);
        String before = new com.sikifanso.gitops.GitOpsRepo(repo()).head();

        SikifansoProcess.Result refused = sikifanso("-c", "lab", "profile", "apply", bundle.toString(), "--no-wait");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("catalog sources not added on this machine: community/vectordb",
                "add the source community", "sikifanso catalog source add community REF");
        assertThat(new com.sikifanso.gitops.GitOpsRepo(repo()).head()).isEqualTo(before);
        assertThat(repo().resolve("catalog/community--vectordb.yaml")).doesNotExist();

        assertThat(sikifanso("catalog", "source", "add", "community", ref()).exitCode()).isZero();
        SikifansoProcess.Result applied = sikifanso("-c", "lab", "-o", "json", "profile", "apply",
                bundle.toString(), "--no-wait");

        assertThat(applied.exitCode()).as(applied.stderr()).isZero();
        JsonNode result = Mappers.JSON.readTree(applied.stdout());
        assertThat(result.path("enabled")).extracting(JsonNode::asText)
                .containsExactly("community--embedder", "valkey", "community--vectordb");
        assertThat(result.path("pinned")).extracting(JsonNode::asText).containsExactly("community--vectordb@0.9.0");
        assertThat(Files.readString(repo().resolve("catalog/community--vectordb.yaml")))
                .startsWith("# From catalog source community at " + git("rev-parse", "HEAD"))
                .contains("enabled: true", "targetRevision: \"0.9.0\"");
        assertThat(repo().resolve("catalog/values/community--vectordb.yaml")).hasContent("replicaCount: 2");
        assertThat(services.profileBundles().export(LAB, "again", null).apps())
                .extracting(ProfileBundle.App::name).contains("community/vectordb", "community/embedder");
    }

    @Test
    void aBundleRecordsTheSourcesPinAndIsRefusedWhereTheSourceIsMissingOrAtAnotherPinUntilPinnedAsItSays()
            throws Exception {
        String first = git("rev-parse", "HEAD");
        services.catalogSources().add("community", ref());
        services.apps().enable(LAB, List.of("community/vectordb"));
        Path bundle = tmp.resolve("vectors.yaml");
        SikifansoProcess.Result exported = sikifanso("profile", "export", "vectors", "--from", "lab", "--file",
                bundle.toString());
        assertThat(exported.exitCode()).as(exported.stderr()).isZero();
        String pinned = "git+file://" + community + "//entries@" + first;
        assertThat(Files.readString(bundle)).contains("sources:", "name: community", "pin: " + first,
                "reference: " + pinned);
        ClusterName other = ClusterName.of("other");
        services.clusters().prepare(other, new TemplateSource.Embedded(), null);
        Path otherRepo = Path.of(services.sessions().load(other).gitOpsPath());
        String before = new com.sikifanso.gitops.GitOpsRepo(otherRepo).head();

        assertThat(sikifanso("catalog", "source", "remove", "community", "--yes").exitCode()).isZero();
        SikifansoProcess.Result missing = sikifanso("-c", "other", "profile", "apply", bundle.toString(),
                "--no-wait");

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).contains("not added on this machine: community/embedder, community/vectordb",
                "add the source community at the bundle's pin with: sikifanso catalog source add community "
                        + pinned);

        Path file = community.resolve("entries/vectordb.yaml");
        Files.writeString(file, Files.readString(file).replace("port: 6333", "port: 6334"));
        git("commit", "--quiet", "-am", "vectordb on another port");
        String second = git("rev-parse", "HEAD");
        assertThat(sikifanso("catalog", "source", "add", "community", ref()).exitCode()).isZero();
        SikifansoProcess.Result moved = sikifanso("-c", "other", "profile", "apply", bundle.toString(), "--no-wait");

        assertThat(moved.exitCode()).isEqualTo(1);
        assertThat(moved.stderr()).contains("was made from catalog source community at " + first
                        + ", and this machine has it at " + second + " (community/embedder, community/vectordb)",
                "sikifanso catalog source remove community && sikifanso catalog source add community " + pinned);
        assertThat(new com.sikifanso.gitops.GitOpsRepo(otherRepo).head()).isEqualTo(before);
        assertThat(otherRepo.resolve("catalog/community--vectordb.yaml")).doesNotExist();

        assertThat(sikifanso("catalog", "source", "remove", "community", "--yes").exitCode()).isZero();
        assertThat(sikifanso("catalog", "source", "add", "community", pinned).exitCode()).isZero();
        SikifansoProcess.Result applied = sikifanso("-c", "other", "profile", "apply", bundle.toString(),
                "--no-wait");

        assertThat(applied.exitCode()).as(applied.stderr()).isZero();
        assertThat(Files.readString(otherRepo.resolve("catalog/community--vectordb.yaml")))
                .startsWith("# From catalog source community at " + first).contains("port: 6333");
    }

    @Test
    void sourcesAddedByConcurrentCommandsAreAllRecorded() throws Exception {
        // Separate processes, as a user's shells would run them: each reads, changes and writes sources.yaml.
        List<String> names = List.of("one", "two", "three", "four");
        List<Process> running = new java.util.ArrayList<>();
        for (String name : names) {
            running.add(new com.sikifanso.cli.SikifansoProcess(tmp.resolve("home")).start(env(),
                    tmp.resolve(name + ".out"), tmp.resolve(name + ".err"), "catalog", "source", "add", name, ref()));
        }
        for (int i = 0; i < running.size(); i++) {
            assertThat(running.get(i).waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(running.get(i).exitValue()).as(Files.readString(tmp.resolve(names.get(i) + ".err"))).isZero();
        }

        assertThat(services.catalogSources().list()).extracting(CatalogSource::name)
                .containsExactly("four", "one", "three", "two");
    }

    @Test
    void aDryRunOfEnablingASourcesEntryShowsTheCommitAndChangesNothing() throws Exception {
        services.catalogSources().add("community", ref());
        String head = new com.sikifanso.GitCli(repo()).head();

        com.sikifanso.ops.Plan plan = services.invocations().plan(com.sikifanso.ops.CatalogOps.ENABLE,
                new com.sikifanso.ops.CatalogOps.EnableInput("lab", List.of("community/embedder"), false),
                com.sikifanso.ops.Invocations.Caller.program(com.sikifanso.ops.Surface.cli, msg -> { }));

        assertThat(plan.files()).containsExactly("catalog/community--embedder.yaml",
                "catalog/values/community--embedder.yaml");
        assertThat(plan.diff()).contains("+name: community--embedder", "+enabled: true");
        assertThat(new com.sikifanso.GitCli(repo()).head()).isEqualTo(head);
    }

    @Test
    void theSourceStaysAtItsPinUntilUpdateMovesIt() throws Exception {
        String first = git("rev-parse", "HEAD");
        services.catalogSources().add("community", ref());
        Path file = community.resolve("entries/qdrant.yaml");
        Files.writeString(file, Files.readString(file).replace("\"1.0.0\"", "\"0.9.0\"").replace("chart: qdrant",
                "chart: vectordb"));
        git("commit", "--quiet", "-am", "qdrant from the vectordb chart");
        String second = git("rev-parse", "HEAD");

        services.apps().enable(LAB, List.of("community/qdrant"));
        assertThat(Files.readString(repo().resolve("catalog/community--qdrant.yaml"))).contains("chart: qdrant",
                "targetRevision: 1.0.0");
        assertThat(services.catalogSources().get("community").pin()).isEqualTo(first);

        SikifansoProcess.Result updated = sikifanso("catalog", "source", "update", "community");

        assertThat(updated.exitCode()).as(updated.stderr()).isZero();
        assertThat(updated.stdout()).isEqualTo("Catalog source community moved from " + first + " to git+file://"
                + community + "//entries@" + second + " (3 entries). Entries clusters already enabled keep the files"
                + " they committed.\n");
        assertThat(services.catalogSources().entries()).filteredOn(e -> e.entry().name().equals("community--qdrant"))
                .singleElement().satisfies(e -> assertThat(e.entry().chart()).isEqualTo("vectordb"));
        assertThat(sikifanso("catalog", "source", "update", "community").stdout())
                .isEqualTo("Catalog source community is already at git+file://" + community + "//entries@" + second
                        + ".\n");
    }

    @Test
    void aSourceThatFailsLintIsRefusedWithItsErrorsAndNothingIsRecorded() throws Exception {
        Path file = community.resolve("entries/vectordb.yaml");
        Files.writeString(file, Files.readString(file).replace("  port: 6333\n", "").replace("\"1.0.0\"", "\"2.0.0\""));
        git("commit", "--quiet", "-am", "broken");

        SikifansoProcess.Result refused = sikifanso("catalog", "source", "add", "community", ref());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("catalog source community (" + ref() + " at " + git("rev-parse", "HEAD")
                        + ") fails catalog lint with 2 errors:\n"
                        + "  vectordb.yaml: targetRevision: chart \"vectordb\" in " + catalog.chartsUrl()
                        + " has no version 2.0.0 (fix: versions there: 1.0.0, 0.9.0)\n"
                        + "  vectordb.yaml: agentAccess.port: is not declared (fix: declare the port agents connect"
                        + " to, e.g. port: 8080 (agent sandboxes allow only that port))",
                "fix the entries in the source and publish them again; nothing was recorded");
        assertThat(tmp.resolve("home/catalog-sources/sources.yaml")).doesNotExist();
        assertThat(tmp.resolve("home/catalog-sources/community")).doesNotExist();
        assertThat(services.catalogSources().list()).isEmpty();
    }

    @Test
    void unknownSourcesTakenNamesBadReferencesAndUnreachableRepositoriesAreRefused() throws Exception {
        assertThatThrownBy(() -> services.catalogSources().update("nope"))
                .hasMessage("there is no catalog source named \"nope\"")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .isEqualTo("there are none; add one with: sikifanso catalog source add");
        services.catalogSources().add("community", ref());
        SikifansoProcess.Result unknown = sikifanso("catalog", "source", "remove", "other");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.stderr()).contains("there is no catalog source named \"other\"",
                "sources: community; add one with: sikifanso catalog source add");
        assertThat(sikifanso("catalog", "lint", "--source", "other").stderr())
                .contains("there is no catalog source named \"other\"");

        assertThatThrownBy(() -> services.catalogSources().add("community", ref()))
                .hasMessage("there is already a catalog source named \"community\"");
        assertThatThrownBy(() -> services.catalogSources().add("custom", ref()))
                .hasMessage("\"custom\" cannot name a catalog source");
        assertThatThrownBy(() -> services.catalogSources().add("Team", ref()))
                .hasMessageStartingWith("invalid catalog source name \"Team\": a name must be a DNS-1123 label");
        assertThatThrownBy(() -> services.catalogSources().add("local", community.toString()))
                .hasMessage("\"" + community + "\" is a path on this machine, which nothing pins")
                .extracting(e -> ((com.sikifanso.core.SikifansoException) e).hint()).asString()
                .as("examples of a directory, not of a profile file").contains("//DIR@REF, e.g. git+https://github.com/"
                        + "team/infra//catalog@v1").contains("oci://ghcr.io/team/catalog:v1").doesNotContain("rag.yaml");
        assertThatThrownBy(() -> services.catalogSources().add("gone", "git+file://" + tmp.resolve("gone")
                + "//entries@main")).hasMessageStartingWith("cannot read git+file://" + tmp.resolve("gone")
                + "//entries@main: git cannot fetch file://" + tmp.resolve("gone"));
        assertThatThrownBy(() -> services.catalogSources().add("v9", "git+file://" + community + "//entries@v9"))
                .hasMessageContaining("has no branch, tag or commit \"v9\"");
        assertThatThrownBy(() -> services.catalogSources().add("nodir", "git+file://" + community + "//charts@main"))
                .hasMessage("git+file://" + community + "//charts@main: there is no directory charts at main");
        assertThat(services.catalogSources().list()).extracting(CatalogSource::name).containsExactly("community");

        SikifansoProcess.Result removed = sikifanso("catalog", "source", "remove", "community");
        assertThat(removed.stdout()).isEqualTo("Removed catalog source community (3 entries). Clusters that enabled its"
                + " entries keep their copies in their GitOps repos.\n");
        assertThat(services.catalogSources().list()).isEmpty();
        assertThat(tmp.resolve("home/catalog-sources/community")).doesNotExist();
    }

    @Test
    void aCorruptSourcesFileIsNamedWithTheFixAndLeftAsItIs() throws Exception {
        Path file = tmp.resolve("home/catalog-sources/sources.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "sources: [{name: community\n");

        assertThatThrownBy(() -> services.catalogSources().add("community", ref()))
                .hasMessageStartingWith("the catalog sources file " + file + " is not valid: ")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .isEqualTo("repair it, or delete it and add the sources again with sikifanso catalog source add"
                        + " (clusters keep the entries they enabled)");
        SikifansoProcess.Result list = sikifanso("catalog", "source", "list");
        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.stderr()).contains("the catalog sources file " + file + " is not valid");
        assertThat(file).hasContent("sources: [{name: community");
    }
}
