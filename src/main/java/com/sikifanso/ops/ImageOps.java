package com.sikifanso.ops;

import com.sikifanso.catalog.ProfileSelection;
import com.sikifanso.cluster.ClusterBackends;
import com.sikifanso.cluster.ImageImport;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Suggestion;
import com.sikifanso.platform.ProfileImageCache;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    /** {@code image list}: the node image (it runs in Docker, not in the cache) and every image in the cluster. */
    public record ImageList(List<String> profiles, String nodeImage, String cache,
                            List<ProfileImageCache.Entry> images) {
    }

    /** {@code image prefetch}: the list, with how many images were fetched now and how many were cached already. */
    public record ImagesPrefetched(List<String> profiles, String nodeImage, String cache,
                                   List<ProfileImageCache.Entry> images, int fetched, int alreadyCached, long bytes) {
    }

    public static final Operation<ImageProfilesInput, ImageList> IMAGE_LIST = Operation.of("image_list",
            "List the images a cluster with these profiles runs (from their rendered charts and the platform's),"
                    + " and which the image cache holds.",
            Toolset.cluster, Safety.READ, ImageProfilesInput.class, ImageList.class,
            (in, ctx) -> {
                ProfileImageCache.Listing l = ctx.services().profileImageCache().list(selection(in),
                        cluster(in), ctx.progress());
                return new ImageList(in.profiles(), l.nodeImage(), l.cache(), l.images());
            },
            ImageOps::listText)
            .cliOnly("it renders charts with this machine's Helm set-up and reads the image cache on its disk");

    public static final Operation<ImageProfilesInput, ImagesPrefetched> IMAGE_PREFETCH = Operation.of(
            "image_prefetch",
            "Fill the image cache on this machine once with every image a cluster with these profiles runs, so new"
                    + " clusters start from it (and cluster create --offline can).",
            Toolset.cluster, Safety.CHANGE, ImageProfilesInput.class, ImagesPrefetched.class,
            ImageOps::prefetch,
            out -> listText(new ImageList(out.profiles(), out.nodeImage(), out.cache(), out.images()))
                    + "Fetched " + out.fetched() + ", cached already " + out.alreadyCached() + "; "
                    + String.format(Locale.ROOT, "%.1f MB", out.bytes() / 1_000_000.0) + " in " + out.cache() + ".\n")
            .cliOnly("it pulls images into this machine's Docker and writes the image cache on its disk");

    private static ImagesPrefetched prefetch(ImageProfilesInput in, OperationContext ctx) {
        ProfileImageCache.Prefetched p = ctx.services().profileImageCache().prefetch(selection(in), cluster(in),
                ctx.progress());
        ProfileImageCache.Listing l = p.listing();
        return new ImagesPrefetched(in.profiles(), l.nodeImage(), l.cache(), l.images(), p.fetched(),
                p.alreadyCached(), p.bytes());
    }

    private static ProfileSelection selection(ImageProfilesInput in) {
        ProfileSelection selection = ProfileNames.selection(in.profiles());
        if (selection == null) {
            throw SikifansoException.usage("name the profiles whose images to use",
                    "e.g. --profile agent-dev (see them with: ", Suggestion.of("cluster", "profiles"), ")");
        }
        return selection;
    }

    /** The cluster whose repo to read, when the input names one; else the built-in template. */
    private static Optional<ClusterName> cluster(ImageProfilesInput in) {
        return in.cluster() == null ? Optional.empty() : Optional.of(in.clusterName());
    }

    private static String listText(ImageList list) {
        StringBuilder out = new StringBuilder("node image (in Docker): " + list.nodeImage() + "\n");
        int width = list.images().stream().mapToInt(e -> e.image().length()).max().orElse(5);
        out.append(String.format(Locale.ROOT, "%-" + width + "s  %-8s  %s%n", "IMAGE", "CACHED", "NEEDED BY"));
        for (ProfileImageCache.Entry e : list.images()) {
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
