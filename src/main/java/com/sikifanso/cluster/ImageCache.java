package com.sikifanso.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sikifanso.catalog.ProfileSelection;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.Progress;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.SikifansoHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The host's shared image cache, {@code SIKIFANSO_HOME/images}: one {@code docker save} tarball per image in
 * {@code tarballs/}, and in {@code lists/} the images the platform and each profile were found to need when they were
 * prefetched. New nodes start from it: each tarball a cluster needs is bind-mounted read-only into k3s' airgap images
 * directory ({@value #NODE_DIR}), which k3s imports into containerd before its kubelet starts (see
 * docs/architecture.md, "The image cache").
 */
public final class ImageCache {
    /** k3s' agent images directory (k3s imports every .tar there at start; {@code pkg/agent/containerd}). */
    public static final String NODE_DIR = "/var/lib/rancher/k3s/agent/images";
    /** The list of the platform's images (Cilium, Argo CD); profiles' lists are {@code profile-NAME}. */
    public static final String PLATFORM = "platform";

    private final Path dir;

    public ImageCache(SikifansoHome home) {
        this.dir = home.root().resolve("images");
    }

    public Path dir() {
        return dir;
    }

    /** Where {@code image}'s tarball is (or would be): readable, and unique per reference. */
    public Path tarball(String image) {
        String readable = image.replaceAll("[^A-Za-z0-9._-]", "_");
        return dir.resolve("tarballs").resolve(readable + "-" + shortHash(image) + ".tar");
    }

    public boolean has(String image) {
        return Files.isRegularFile(tarball(image));
    }

    /** The tarball's size, or 0 when it is not cached. */
    public long bytes(String image) {
        try {
            return has(image) ? Files.size(tarball(image)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** One image after {@link #fill}: whether it was fetched now (or was cached already), and its tarball's size. */
    public record Filled(String image, boolean fetched, long bytes) {
    }

    /**
     * Puts every image not cached yet into the cache: into Docker when it lacks it (a pull, with the user's registry
     * logins), then saved as a tarball. An image already cached costs nothing: no pull, no registry asked.
     */
    public List<Filled> fill(List<String> images, ImagePulls pulls, DockerEngine engine, Progress progress) {
        List<Filled> filled = new ArrayList<>();
        int i = 0;
        for (String image : images) {
            i++;
            if (has(image)) {
                progress.note("cached already (" + i + "/" + images.size() + "): " + image);
                filled.add(new Filled(image, false, bytes(image)));
                continue;
            }
            progress.step("fetching " + image + " (" + i + "/" + images.size() + ")");
            pulls.ensure(image, PullPolicy.MISSING, progress);
            Path target = tarball(image);
            Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
            try {
                Files.createDirectories(target.getParent());
                ImageImport.saveTo(engine, List.of(image), partial);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                progress.note("cached " + image + ": " + megabytes(Files.size(target)));
                filled.add(new Filled(image, true, Files.size(target)));
            } catch (IOException | UncheckedIOException e) {
                throw SikifansoException.failure("cannot write " + image + " into the image cache " + dir + ": "
                        + e.getMessage(), "free disk space there, or set SIKIFANSO_HOME elsewhere", e);
            } finally {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // A partial file is named as such and replaced by the next fill.
                }
            }
        }
        return filled;
    }

    /** Records which images a list (the platform, {@code profile-NAME}) needs, for a create that cannot render charts. */
    public void record(String list, List<String> images) {
        Path file = listFile(list);
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
            Files.write(partial, Mappers.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(images));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot write " + file + ": " + e.getMessage(),
                    "check that " + dir + " is writable", e);
        }
    }

    public Optional<List<String>> recorded(String list) {
        Path file = listFile(list);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Mappers.JSON.readValue(file.toFile(), new TypeReference<List<String>>() { }));
        } catch (IOException e) {
            throw SikifansoException.failure(file + " is unreadable: " + e.getMessage(),
                    "remove it and prefetch again", e);
        }
    }

    /** The list name of a profile. */
    public static String profileList(String profile) {
        return "profile-" + profile;
    }

    /**
     * What a create of a cluster with these profiles (null: none) takes from the cache: the images the platform's and
     * the profiles' lists name, and the lists never recorded.
     */
    public ImagePreload preload(ProfileSelection profiles, boolean offline) {
        List<String> lists = new ArrayList<>(List.of(PLATFORM));
        if (profiles != null) {
            profiles.names().forEach(p -> lists.add(profileList(p)));
        }
        LinkedHashSet<String> images = new LinkedHashSet<>();
        List<String> unlisted = new ArrayList<>();
        for (String list : lists) {
            recorded(list).ifPresentOrElse(images::addAll, () -> unlisted.add(list));
        }
        return new ImagePreload(List.copyOf(images), unlisted, profiles, offline, false);
    }

    /** The images of {@code preload} that have no tarball here. */
    public List<String> missing(List<String> images) {
        return images.stream().filter(i -> !has(i)).toList();
    }

    /** The tarballs of those images that are cached, for the nodes to mount. */
    List<Path> tarballs(List<String> images) {
        return images.stream().filter(this::has).map(this::tarball).toList();
    }

    private Path listFile(String list) {
        return dir.resolve("lists").resolve(list + ".json");
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private static String shortHash(String image) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(image.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
