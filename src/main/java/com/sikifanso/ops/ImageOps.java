package com.sikifanso.ops;

import com.sikifanso.Services;
import com.sikifanso.catalog.ProfileSelection;
import com.sikifanso.cluster.ClusterBackends;
import com.sikifanso.cluster.ImageCache;
import com.sikifanso.cluster.ImageImport;
import com.sikifanso.cluster.PullPolicy;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.Progress;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Suggestion;
import com.sikifanso.gitops.Scaffolder;
import com.sikifanso.infra.InfraConfigs;
import com.sikifanso.platform.HelmCharts;
import com.sikifanso.platform.ProfileImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Images from this machine into a cluster's nodes, and the shared image cache new nodes start from. */
public final class ImageOps {
    private ImageOps() {
    }

    public record ImageImportInput(@Param(Param.CLUSTER) String cluster,
                                   @Param("Images in this machine's Docker, e.g. [\"my-agent:dev\"]") List<String> images)
            implements ClusterScoped {
    }

    public static final Operation<ImageImportInput, ImageImport.Imported> IMAGE_IMPORT = Operation.of("image_import",
            "Load images from this machine's Docker into every k3s node of the cluster (ctr image import).",
            Toolset.cluster, Safety.CHANGE, ImageImportInput.class, ImageImport.Imported.class,
            (in, ctx) -> {
                new com.sikifanso.kube.Attachments(ctx.services().sessions().home()).refuseNodeAction(
                        in.clusterName(), "import images into",
                        "push the image to a registry its nodes pull from, and name it in the workload");
                ClusterBackends b = ctx.services().clusters().backends();
                return new ImageImport(b.engine(), b.nodes(), Clock.systemUTC()).load(in.clusterName(), in.images(),
                        ctx.progress());
            },
            out -> "Imported " + String.join(", ", out.images()) + " into " + String.join(", ", out.nodes()) + ".\n")
            .cliOnly("it loads images from the Docker engine of the machine the CLI runs on");

    /** The profiles whose images to list or fetch, read from a cluster's GitOps repo or the built-in template. */
    public record ImageProfilesInput(
            @Param("Profiles, e.g. [\"agent-dev\"] (see profile_list)") List<String> profiles,
            @Param(value = "Read the catalog and platform settings of this cluster's GitOps repo; default: the"
                    + " built-in template", optional = true) String cluster) implements ClusterScoped {
    }

    /** One image a cluster with the profiles needs: what needs it, whether the cache has it, and its tarball's size. */
    public record ImageEntry(String image, List<String> neededBy, boolean cached, long bytes) {
    }

    /** {@code image list}: the node image (it runs in Docker, not in the cache) and every image in the cluster. */
    public record ImageList(List<String> profiles, String nodeImage, String cache, List<ImageEntry> images) {
    }

    /** {@code image prefetch}: the list, with how many images were fetched now and how many were cached already. */
    public record ImagesPrefetched(List<String> profiles, String nodeImage, String cache, List<ImageEntry> images,
                                   int fetched, int alreadyCached, long bytes) {
    }

    public static final Operation<ImageProfilesInput, ImageList> IMAGE_LIST = Operation.of("image_list",
            "List the images a cluster with these profiles runs (from their rendered charts and the platform's),"
                    + " and which the image cache holds.",
            Toolset.cluster, Safety.READ, ImageProfilesInput.class, ImageList.class,
            (in, ctx) -> {
                ImageCache cache = new ImageCache(ctx.services().sessions().home());
                ProfileImages.Needed needed = collect(in, ctx.services(), ctx.progress());
                return new ImageList(in.profiles(), needed.nodeImage(), cache.dir().toString(),
                        entries(needed, cache));
            },
            ImageOps::listText)
            .cliOnly("it renders charts with this machine's Helm set-up and reads the image cache on its disk");

    public static final Operation<ImageProfilesInput, ImagesPrefetched> IMAGE_PREFETCH = Operation.of(
            "image_prefetch",
            "Fill the image cache on this machine once with every image a cluster with these profiles runs, so new"
                    + " clusters start from it (and cluster create --offline can).",
            Toolset.cluster, Safety.CHANGE, ImageProfilesInput.class, ImagesPrefetched.class,
            (in, ctx) -> prefetch(in, ctx.services(), ctx.progress()),
            out -> listText(new ImageList(out.profiles(), out.nodeImage(), out.cache(), out.images()))
                    + "Fetched " + out.fetched() + ", cached already " + out.alreadyCached() + "; "
                    + String.format(Locale.ROOT, "%.1f MB", out.bytes() / 1_000_000.0) + " in " + out.cache() + ".\n")
            .cliOnly("it pulls images into this machine's Docker and writes the image cache on its disk");

    private static ImagesPrefetched prefetch(ImageProfilesInput in, Services services, Progress progress) {
        ImageCache cache = new ImageCache(services.sessions().home());
        ProfileImages.Needed needed = collect(in, services, progress);
        ClusterBackends b = services.clusters().backends();
        b.images().ensure(needed.nodeImage(), PullPolicy.MISSING, progress);
        List<ImageCache.Filled> filled = cache.fill(needed.images(), b.images(), b.engine(), progress);
        cache.record(ImageCache.PLATFORM, needed.platformImages());
        for (String profile : needed.profileApps().keySet()) {
            cache.record(ImageCache.profileList(profile), needed.profileImages(profile));
        }
        int fetched = (int) filled.stream().filter(ImageCache.Filled::fetched).count();
        return new ImagesPrefetched(in.profiles(), needed.nodeImage(), cache.dir().toString(), entries(needed, cache),
                fetched, filled.size() - fetched, filled.stream().mapToLong(ImageCache.Filled::bytes).sum());
    }

    private static ProfileImages.Needed collect(ImageProfilesInput in, Services services, Progress progress) {
        ProfileSelection selection = ProfileNames.selection(in.profiles());
        if (selection == null) {
            throw SikifansoException.usage("name the profiles whose images to use",
                    "e.g. --profile agent-dev (see them with: ", Suggestion.of("cluster", "profiles"), ")");
        }
        Path helmRepositories = services.sessions().home().root().resolve("helm").resolve("repositories.yaml");
        ProfileImages images = new ProfileImages(new HelmCharts(helmRepositories)::template, services.profiles(),
                new InfraConfigs());
        if (in.cluster() != null) {
            ClusterName cluster = in.clusterName();
            Path repo = services.sessions().home().gitOpsDir(cluster);
            if (!Files.isDirectory(repo)) {
                throw SikifansoException.failure("cluster \"" + cluster + "\" has no GitOps repo at " + repo,
                        "leave -c out to use the built-in template, or prepare it with: ",
                        Suggestion.of("cluster", "create").arg("name", cluster).cliFlag("gitops-only"));
            }
            return images.collect(repo, selection, progress);
        }
        return withBuiltInTemplate(repo -> images.collect(repo, selection, progress));
    }

    /** The built-in template's files in a throwaway directory: what a new cluster's repo starts as. */
    private static <T> T withBuiltInTemplate(Function<Path, T> use) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sikifanso-template-");
            for (String file : Scaffolder.embeddedFiles()) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                Files.writeString(target, Scaffolder.embeddedFile(file).orElseThrow());
            }
            return use.apply(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the built-in template in " + dir, e);
        } finally {
            if (dir != null) {
                try {
                    LocalFiles.deleteRecursively(dir);
                } catch (IOException ignored) {
                    // A temp directory; the OS cleans it.
                }
            }
        }
    }

    private static List<ImageEntry> entries(ProfileImages.Needed needed, ImageCache cache) {
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
        return neededBy.entrySet().stream().map(e -> new ImageEntry(e.getKey(), List.copyOf(e.getValue()),
                cache.has(e.getKey()), cache.bytes(e.getKey()))).toList();
    }

    private static String listText(ImageList list) {
        StringBuilder out = new StringBuilder("node image (in Docker): " + list.nodeImage() + "\n");
        int width = list.images().stream().mapToInt(e -> e.image().length()).max().orElse(5);
        out.append(String.format(Locale.ROOT, "%-" + width + "s  %-8s  %s%n", "IMAGE", "CACHED", "NEEDED BY"));
        for (ImageEntry e : list.images()) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %-8s  %s%n", e.image(),
                    e.cached() ? String.format(Locale.ROOT, "%.0f MB", e.bytes() / 1_000_000.0) : "no",
                    String.join(", ", e.neededBy())));
        }
        return out.toString();
    }

    static List<Operation<?, ?>> all() {
        return List.of(IMAGE_IMPORT, IMAGE_LIST, IMAGE_PREFETCH);
    }
}
