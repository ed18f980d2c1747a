package com.sikifanso.share;

import static com.sikifanso.catalog.CatalogEntryFiles.entry;
import static com.sikifanso.catalog.CatalogEntryFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.Services;
import com.sikifanso.catalog.HelmRepoServer;
import com.sikifanso.cluster.LocalRegistry;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.ClusterName;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.SikifansoHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import land.oras.Annotations;
import land.oras.ArtifactType;
import land.oras.Config;
import land.oras.ContainerRef;
import land.oras.LocalPath;
import land.oras.Manifest;
import land.oras.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A community catalog published to a real OCI registry (Debian's docker-registry on 127.0.0.1, skipped loudly
 * without the package; CI installs it) the way {@code oras push REGISTRY/REPO:TAG entries/} does: the directory as
 * one layer, pushed here with the ORAS Java SDK. The source is pinned to the manifest's digest, so a tag pushed
 * again does not change what clusters enable until {@code catalog source update}.
 */
class CatalogSourcesOciTest {
    @TempDir
    Path tmp;

    private LocalRegistry registry;
    private HelmRepoServer charts;
    private Services services;

    @BeforeEach
    void registryAndCharts() throws Exception {
        registry = LocalRegistry.start(tmp.resolve("registry"));
        charts = HelmRepoServer.start(Map.of("vectordb", List.of("1.0.0", "2.0.0")));
        services = new Services(new BuildInfo("test", "none"), new SikifansoHome(tmp.resolve("home")),
                Duration.ofSeconds(5), msg -> { }, Map.of("DOCKER_HOST", "unix://" + tmp.resolve("no.sock"),
                        "KUBECONFIG", tmp.resolve("kubeconfig").toString(), "HOME", tmp.toString(),
                        "DOCKER_CONFIG", Files.createDirectories(tmp.resolve("docker")).toString()));
        services.clusters().prepare(ClusterName.of("lab"), new TemplateSource.Embedded(), null);
    }

    @AfterEach
    void stop() throws InterruptedException {
        charts.close();
        if (registry != null) {
            registry.close();
        }
    }

    /** Pushes {@code entries} (a directory) as {@code oras push} does; returns the manifest's digest. */
    private String push(Path entries, String tag) {
        Registry client = Registry.builder().withInsecure(true).build();
        Manifest manifest = client.pushArtifact(ContainerRef.parse(registry.host + "/team/catalog:" + tag),
                ArtifactType.from("application/vnd.sikifanso.catalog.v1alpha1"), Annotations.empty(), Config.empty(),
                LocalPath.of(entries));
        return manifest.getDescriptor().getDigest();
    }

    @Test
    void aCatalogPushedToARegistryIsPinnedToItsManifestDigestAndEnabled() throws Exception {
        Path entries = tmp.resolve("entries");
        write(entries, "vectordb", entry("vectordb", charts.url()));
        write(entries.resolve("values"), "vectordb", "replicaCount: 3\n");
        String first = push(entries, "v1");
        String ref = "oci://" + registry.host + "/team/catalog:v1";

        CatalogSource source = services.catalogSources().add("team", ref);

        assertThat(source.pin()).isEqualTo(first).matches("sha256:[0-9a-f]{64}");
        assertThat(source.pinned()).isEqualTo("oci://" + registry.host + "/team/catalog@" + first);
        assertThat(source.entries()).containsExactly("vectordb");

        write(entries, "vectordb", entry("vectordb", charts.url()).replace("\"1.0.0\"", "\"2.0.0\""));
        String second = push(entries, "v1");
        services.apps().enable(ClusterName.of("lab"), List.of("team/vectordb"));
        Path repo = Path.of(services.sessions().load(ClusterName.of("lab")).gitOpsPath());
        assertThat(Files.readString(repo.resolve("catalog/team--vectordb.yaml"))).contains("targetRevision: 1.0.0",
                "enabled: true", "at " + first);
        assertThat(repo.resolve("catalog/values/team--vectordb.yaml")).hasContent("replicaCount: 3");

        CatalogSources.Updated updated = services.catalogSources().update("team");
        assertThat(updated.moved()).isTrue();
        assertThat(updated.source().pin()).isEqualTo(second);
    }

    @Test
    void aMissingTagIsRefusedAndNothingIsRecorded() {
        assertThatThrownBy(() -> services.catalogSources().add("team", "oci://" + registry.host + "/team/catalog:nope"))
                .hasMessage("cannot pull from oci://" + registry.host + "/team/catalog:nope: no such repository or"
                        + " tag (404)")
                .extracting(e -> ((com.sikifanso.core.SikifansoException) e).hint()).asString()
                .isEqualTo("check the repository and tag; publish a catalog's directory with: oras push "
                        + registry.host + "/team/catalog:nope DIR/");
        assertThat(services.catalogSources().list()).isEmpty();
    }
}
