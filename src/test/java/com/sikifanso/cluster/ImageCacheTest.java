package com.sikifanso.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.catalog.ProfileSelection;
import com.sikifanso.catalog.Profiles;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.K3dNames;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.ops.ClusterOps;
import com.sikifanso.ops.ImageOps;
import com.sikifanso.ops.Invocations;
import com.sikifanso.ops.Surface;
import com.sikifanso.platform.ProfileImageCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared image cache on the real Docker engine with the stand-in nodes. No chart repository or registry on the
 * internet can be reached here, so a cluster's GitOps repo points the platform's charts and the rag profile's apps at a
 * local Helm repository serving the workload-images stand-in chart under their names and versions, whose values name
 * small images pushed to Debian's docker-registry: collecting renders those charts with the real Helm engine, filling
 * pulls from that registry and saves with the real engine. What k3s does with the mounted tarballs (its airgap import)
 * cannot run here: the node's mounts and the files in its images directory are what is checked.
 */
class ImageCacheTest {
    private static final ProfileSelection RAG = new ProfileSelection(List.of("rag"));

    @RegisterExtension
    final DockerClusters engine = new DockerClusters();

    @TempDir
    Path tmp;

    /** The four images of the test, pushed to the registry and absent from the engine. */
    private record Images(String platform, String init, String app, String job) {
        List<String> all() {
            return List.of(platform, init, app, job);
        }
    }

    @Test
    void prefetchFillsTheCacheOnceAndNewClustersStartFromItPullingNothing() throws Exception {
        TestClusters clusters = engine.clusters();
        ImageCache cache = new ImageCache(new com.sikifanso.session.SikifansoHome(clusters.home));
        String source = clusters.name("imgsrc");
        try (LocalHelmRepository charts = new LocalHelmRepository(tmp.resolve("charts"))) {
            LocalRegistry registry = LocalRegistry.start(tmp.resolve("registry"));
            Images images;
            try {
                images = new Images(registry.publishStandIn("t/platform", "v1"), registry.publishStandIn("t/init", "v1"),
                        registry.publishStandIn("t/app", "v1"), registry.publishStandIn("t/job", "v1"));
                List<String> apps = prepareRepo(clusters, source, charts, images);

                ImageOps.ImageList listed = invoke(clusters, ImageOps.IMAGE_LIST, source);
                // Per chart in name order (init sorts before platform), charts in the order rendered: platform first.
                assertThat(listed.images()).extracting(ProfileImageCache.Entry::image).containsExactly(images.init(),
                        images.platform(), images.app(), images.job());
                assertThat(listed.images()).allSatisfy(e -> assertThat(e.cached()).isFalse());
                assertThat(listed.images().get(1).neededBy()).containsExactly("cilium", "argo-cd");
                // Every app rag enables, and the apps they depend on (resolved through the repo's catalog).
                assertThat(listed.images().get(2).neededBy()).containsExactlyElementsOf(apps)
                        .contains("qdrant", "text-embeddings-inference", "unstructured", "cnpg-operator", "postgresql");
                assertThat(listed.nodeImage()).isEqualTo(RealDocker.STAND_IN_IMAGE);

                ImageOps.ImagesPrefetched first = invoke(clusters, ImageOps.IMAGE_PREFETCH, source);
                assertThat(first.fetched()).isEqualTo(4);
                assertThat(first.alreadyCached()).isZero();
                assertThat(first.images()).allSatisfy(e -> assertThat(e.cached()).isTrue());
                for (String image : images.all()) {
                    assertThat(cache.tarball(image)).isRegularFile();
                }
                assertThat(cache.recorded(ImageCache.PLATFORM)).contains(List.of(images.init(), images.platform()));
                assertThat(cache.recorded(ImageCache.profileList("rag"))).contains(List.of(images.app(), images.job()));
                assertThat(clusters.progress).anyMatch(l -> l.contains("fetching " + images.job() + " (4/4)"));
            } finally {
                registry.close();
            }
            // The registry is gone from here on and the engine has none of the images: what follows can pull nothing.
            images.all().forEach(LocalRegistry::removeFromEngine);

            clusters.progress.clear();
            ImageOps.ImagesPrefetched again = invoke(clusters, ImageOps.IMAGE_PREFETCH, source);
            assertThat(again.fetched()).isZero();
            assertThat(again.alreadyCached()).isEqualTo(4);
            assertThat(clusters.progress).noneMatch(l -> l.contains("pulling"));
        }
        // Charts are gone too: an offline create reads the lists prefetch recorded, and renders nothing.
        for (String base : List.of("imgone", "imgtwo")) {
            String name = clusters.name(base);
            clusters.service().create(offlineRequest(clusters, name, cache), com.sikifanso.agui.RunProgress.toLines(
                    clusters.progress::add));
            assertStartsFromTheCache(clusters, name, cache);
        }
        assertThat(clusters.progress).anyMatch(l -> l.contains("nodes start from the image cache: 4 of 4 images"));
    }

    @Test
    void offlineWithAnImageMissingFailsBeforeAnythingIsCreatedNamingItAndThePrefetch() throws Exception {
        TestClusters clusters = engine.clusters();
        ImageCache cache = new ImageCache(new com.sikifanso.session.SikifansoHome(clusters.home));
        String cached = "127.0.0.1:5999/t/cached:v1";
        String missing = "127.0.0.1:5999/t/missing:v1";
        cache.record(ImageCache.PLATFORM, List.of(cached, missing));
        cache.record(ImageCache.profileList("rag"), List.of(cached));
        Files.createDirectories(cache.tarball(cached).getParent());
        Files.writeString(cache.tarball(cached), "a tarball");
        String name = clusters.name("imgoff");

        assertThatThrownBy(() -> clusters.services().invocations().invoke(ClusterOps.CLUSTER_CREATE,
                ClusterOps.ClusterCreateInput.builder(name).profiles(List.of("rag")).image(RealDocker.STAND_IN_IMAGE)
                        .skipBootstrap(true).offline(true).build(), Invocations.Caller.program(Surface.cli, l -> { })))
                .isInstanceOfSatisfying(SikifansoException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("cluster create --offline cannot start from the image cache"
                            + " alone (1 image is missing from " + cache.dir() + ": " + missing
                            + "); nothing was created");
                    assertThat(e.fix().cli()).isEqualTo("fetch them while online with: sikifanso image prefetch"
                            + " --profile rag");
                });
        assertThat(clusters.home.resolve("clusters").resolve(name)).doesNotExist();
        assertThat(clusters.nodes().leftovers(new K3dNames(name))).isEmpty();

        Files.delete(cache.dir().resolve("lists/profile-rag.json"));
        assertThatThrownBy(() -> clusters.service().create(offlineRequest(clusters, name, cache),
                com.sikifanso.agui.RunProgress.toLines(clusters.progress::add)))
                .hasMessage("cluster create --offline cannot start from the image cache alone (never prefetched:"
                        + " profile-rag; 1 image is missing from " + cache.dir() + ": " + missing
                        + "); nothing was created");
        assertThat(clusters.home.resolve("clusters").resolve(name)).doesNotExist();
    }

    /**
     * cluster_create checks the cache before it writes the repo and hands the checked preload to the create, which
     * does not look again: the check's note is printed once. The tarball is a stand-in (the busybox nodes import
     * nothing); what is checked is that the cache and the node image are asked about once.
     */
    @Test
    void anOfflineCreateChecksTheCacheOnce() throws Exception {
        TestClusters clusters = engine.clusters();
        ImageCache cache = new ImageCache(new com.sikifanso.session.SikifansoHome(clusters.home));
        String cached = "127.0.0.1:5999/t/cached:v1";
        cache.record(ImageCache.PLATFORM, List.of(cached));
        Files.createDirectories(cache.tarball(cached).getParent());
        Files.writeString(cache.tarball(cached), "a tarball");
        String name = clusters.name("imgonce");
        List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();

        clusters.services().invocations().invoke(ClusterOps.CLUSTER_CREATE,
                ClusterOps.ClusterCreateInput.builder(name).agents(0).image(RealDocker.STAND_IN_IMAGE)
                        .skipBootstrap(true).offline(true).build(), Invocations.Caller.program(Surface.cli,
                        progress::add));

        assertThat(progress).filteredOn(l -> l.contains("offline: the node image " + RealDocker.STAND_IN_IMAGE
                + " is in Docker and the cache holds every image to start from (1); nothing is pulled")).hasSize(1);
        assertThat(progress).anyMatch(l -> l.contains("nodes start from the image cache: 1 of 1 images"));
    }

    private static ClusterService.CreateRequest offlineRequest(TestClusters clusters, String name, ImageCache cache) {
        ClusterService.CreateRequest base = clusters.request(name);
        return new ClusterService.CreateRequest(base.name(), base.template(), null, 0, base.image(), false, false,
                Duration.ofSeconds(30), true, PullPolicy.MISSING, null, NodeOptions.DEFAULTS,
                cache.preload(RAG, true));
    }

    private void assertStartsFromTheCache(TestClusters clusters, String name, ImageCache cache) {
        List<String> images = new ArrayList<>(cache.recorded(ImageCache.PLATFORM).orElseThrow());
        images.addAll(cache.recorded(ImageCache.profileList("rag")).orElseThrow());
        assertThat(images).hasSize(4);
        String server = new K3dNames(name).server(0);
        InspectContainerResponse node = engine.docker().inspectContainerCmd(server).exec();
        List<String> mounted = new ArrayList<>();
        for (InspectContainerResponse.Mount m : node.getMounts()) {
            if (m.getDestination().getPath().startsWith(ImageCache.NODE_DIR + "/")) {
                assertThat(m.getRW()).as("read-only " + m.getDestination()).isFalse();
                mounted.add(m.getSource());
            }
        }
        assertThat(mounted).containsExactlyInAnyOrderElementsOf(images.stream()
                .map(i -> cache.tarball(i).toString()).toList());
        NodeRuntime.ExecResult ls = clusters.nodes().exec(server, List.of("ls", ImageCache.NODE_DIR),
                Duration.ofSeconds(10));
        assertThat(ls.output().strip().split("\\s+")).containsExactlyInAnyOrderElementsOf(images.stream()
                .map(i -> cache.tarball(i).getFileName().toString()).toList());
    }

    private static <O extends Record> O invoke(TestClusters clusters,
                                               com.sikifanso.ops.Operation<ImageOps.ImageProfilesInput, O> op,
                                               String cluster) {
        return clusters.services().invocations().invoke(op, new ImageOps.ImageProfilesInput(List.of("rag"), cluster),
                Invocations.Caller.program(Surface.cli, clusters.progress::add));
    }

    /**
     * A prepared GitOps repo whose Cilium and Argo CD charts and whose rag apps (with their dependencies) come from
     * {@code charts}, each the workload-images stand-in under the upstream name and pinned version; returns the apps.
     */
    private List<String> prepareRepo(TestClusters clusters, String cluster, LocalHelmRepository charts, Images images)
            throws Exception {
        clusters.service().prepare(ClusterName.of(cluster), new TemplateSource.Embedded(), null);
        Path repo = clusters.gitOps(cluster);
        Path work = tmp.resolve("work");
        charts.publish("workload-images", "cilium", "1.19.6", work);
        charts.publish("workload-images", "argo-cd", "10.2.1", work);
        Files.writeString(repo.resolve("infra/platform.yaml"), "k3sImage: " + RealDocker.STAND_IN_IMAGE + "\n");
        Files.writeString(repo.resolve("infra/cilium.yaml"), "repoURL: " + charts.url() + "\n");
        Files.writeString(repo.resolve("infra/argocd.yaml"), "repoURL: " + charts.url() + "\n");
        Files.writeString(repo.resolve("infra/cilium-values.yaml"), "testImages: {main: " + images.platform()
                + ", init: " + images.init() + "}\n");
        Files.writeString(repo.resolve("infra/argocd-values.yaml"), "testImages: {main: " + images.platform() + "}\n");
        Catalog catalog = Catalog.load(repo);
        List<String> apps = catalog.dependencies().resolve(Profiles.apps(new Profiles().resolve(RAG))).ordered();
        for (String app : apps) {
            CatalogEntry entry = catalog.get(app);
            charts.publish("workload-images", entry.chart(), entry.targetRevision(), work);
            Path file = repo.resolve(entry.file());
            Files.writeString(file, Pattern.compile("(?m)^repoURL: .*$").matcher(Files.readString(file))
                    .replaceFirst("repoURL: " + charts.url()));
            Files.writeString(repo.resolve(entry.valuesFile()), "testImages: {main: " + images.app()
                    + (app.equals("qdrant") ? ", cron: " + images.job() : "") + "}\n");
        }
        return apps;
    }
}
