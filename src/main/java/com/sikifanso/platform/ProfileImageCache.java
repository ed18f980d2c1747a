package com.sikifanso.platform;

import com.sikifanso.catalog.ProfileSelection;
import com.sikifanso.cluster.ClusterBackends;
import com.sikifanso.cluster.ImageCache;
import com.sikifanso.cluster.PullPolicy;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.Progress;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Suggestion;
import com.sikifanso.gitops.Scaffolder;
import com.sikifanso.session.SikifansoHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The images a cluster with some profiles runs ({@link ProfileImages}, read from a cluster's GitOps repo or the
 * built-in template) against this machine's {@link ImageCache}: listed with what needs each and whether the cache
 * holds it ({@code image list}), or fetched into the cache with the lists by profile a create reads
 * ({@code image prefetch}).
 */
public final class ProfileImageCache {
    private final SikifansoHome home;
    private final ImageCache cache;
    private final ProfileImages images;
    private final Supplier<ClusterBackends> backends;

    /** {@code backends}: Docker, asked for only when a prefetch has found what to fetch. */
    public ProfileImageCache(SikifansoHome home, ProfileImages images, Supplier<ClusterBackends> backends) {
        this.home = home;
        this.cache = new ImageCache(home);
        this.images = images;
        this.backends = backends;
    }

    /** One image a cluster with the profiles needs: what needs it, whether the cache has it, and its tarball's size. */
    public record Entry(String image, List<String> neededBy, boolean cached, long bytes) {
    }

    /** The node image (it runs in Docker, not in the cache), the cache's directory, and every image in the cluster. */
    public record Listing(String nodeImage, String cache, List<Entry> images) {
    }

    /** The listing after a fill, with how many images were fetched now and how many were cached already. */
    public record Prefetched(Listing listing, int fetched, int alreadyCached, long bytes) {
    }

    /** {@code cluster}: read its GitOps repo's catalog and platform settings; empty, the built-in template's. */
    public Listing list(ProfileSelection profiles, Optional<ClusterName> cluster, Progress progress) {
        return listing(collect(profiles, cluster, progress));
    }

    /** Pulls the node image into Docker and every other image into the cache, then records the lists by profile. */
    public Prefetched prefetch(ProfileSelection profiles, Optional<ClusterName> cluster, Progress progress) {
        ProfileImages.Needed needed = collect(profiles, cluster, progress);
        ClusterBackends docker = backends.get();
        docker.images().ensure(needed.nodeImage(), PullPolicy.MISSING, progress);
        List<ImageCache.Filled> filled = cache.fill(needed.images(), docker.images(), docker.engine(), progress);
        cache.record(ImageCache.PLATFORM, needed.platformImages());
        for (String profile : needed.profileApps().keySet()) {
            cache.record(ImageCache.profileList(profile), needed.profileImages(profile));
        }
        int fetched = (int) filled.stream().filter(ImageCache.Filled::fetched).count();
        return new Prefetched(listing(needed), fetched, filled.size() - fetched,
                filled.stream().mapToLong(ImageCache.Filled::bytes).sum());
    }

    private ProfileImages.Needed collect(ProfileSelection profiles, Optional<ClusterName> cluster, Progress progress) {
        if (cluster.isPresent()) {
            Path repo = home.gitOpsDir(cluster.get());
            if (!Files.isDirectory(repo)) {
                throw SikifansoException.failure("cluster \"" + cluster.get() + "\" has no GitOps repo at " + repo,
                        "leave -c out to use the built-in template, or prepare it with: ",
                        Suggestion.of("cluster", "create").arg("name", cluster.get()).cliFlag("gitops-only"));
            }
            return images.collect(repo, profiles, progress);
        }
        return collectFromBuiltInTemplate(profiles, progress);
    }

    /** From the built-in template's files in a throwaway directory: what a new cluster's repo starts as. */
    private ProfileImages.Needed collectFromBuiltInTemplate(ProfileSelection profiles, Progress progress) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sikifanso-template-");
            Scaffolder.copyEmbeddedTemplate(dir);
            return images.collect(dir, profiles, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the built-in template in " + dir, e);
        } finally {
            LocalFiles.deleteQuietly(dir);
        }
    }

    private Listing listing(ProfileImages.Needed needed) {
        Map<String, List<String>> neededBy = new LinkedHashMap<>();
        List<ProfileImages.ChartImages> charts = new ArrayList<>(needed.platform());
        charts.addAll(needed.apps());
        for (ProfileImages.ChartImages chart : charts) {
            String who = chart.neededBy().equals("platform") ? chart.chart() : chart.neededBy();
            chart.images().forEach(i -> {
                List<String> by = neededBy.computeIfAbsent(i, k -> new ArrayList<>());
                if (!by.contains(who)) {
                    by.add(who);
                }
            });
        }
        return new Listing(needed.nodeImage(), cache.dir().toString(), neededBy.entrySet().stream()
                .map(e -> new Entry(e.getKey(), List.copyOf(e.getValue()), cache.has(e.getKey()),
                        cache.bytes(e.getKey()))).toList());
    }
}
