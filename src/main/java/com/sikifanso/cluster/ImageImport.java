package com.sikifanso.cluster;

import com.sikifanso.core.Suggestion;
import com.github.dockerjava.api.exception.NotFoundException;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.K3dNames;
import com.sikifanso.core.Progress;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code image import}: images from this machine's Docker into every k3s node of a cluster, as k3d v5.9.0's
 * tools-node mode does it ({@code pkg/client/tools.go} importWithToolsNode): the images saved into one tarball
 * {@code /k3d/images/k3d-<cluster>-images-<time>.tar} in the cluster's image volume (mounted in every node), then
 * {@code ctr image import --all-platforms <tarball>} in each node, then the tarball removed. sikifanso saves the
 * images itself through the engine's API, so no tools container is needed.
 */
public final class ImageImport {
    static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(10);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final DockerEngine engine;
    private final NodeRuntime nodes;
    private final Clock clock;

    public ImageImport(DockerEngine engine, NodeRuntime nodes, Clock clock) {
        this.engine = engine;
        this.nodes = nodes;
        this.clock = clock;
    }

    /** What was loaded where, and the tarball's size. */
    public record Imported(List<String> images, List<String> nodes, long bytes) {
    }

    public Imported load(ClusterName cluster, List<String> images, Progress progress) {
        K3dNames names = cluster.k3d();
        List<NodeRuntime.Node> k3s = runningK3sNodes(cluster);
        images.forEach(this::requireLocal);
        String tarball = NodeLayout.IMAGE_VOLUME_MOUNT + "/k3d-" + names.cluster() + "-images-"
                + STAMP.format(clock.instant()) + ".tar";
        Path saved = null;
        Path wrapped = null;
        try {
            progress.step("saving " + String.join(", ", images) + " from Docker");
            saved = save(images);
            long bytes = Files.size(saved);
            progress.note("saved " + images.size() + " image(s): " + megabytes(bytes));
            wrapped = wrap(saved, tarball);
            progress.step("copying the tarball into the image volume " + names.imageVolume());
            copyInto(k3s.getFirst().id(), wrapped);
            int i = 0;
            for (NodeRuntime.Node node : k3s) {
                progress.step("importing into " + node.name() + " (" + ++i + "/" + k3s.size() + ")");
                NodeRuntime.ExecResult r = nodes.exec(node.id(), List.of("ctr", "image", "import", "--all-platforms",
                        tarball), IMPORT_TIMEOUT);
                if (r.exitCode() != 0) {
                    throw SikifansoException.failure("ctr image import failed in " + node.name() + " (exit "
                            + r.exitCode() + "): " + r.output().strip(), "check the node: docker logs " + node.name()
                            + "; the images themselves load with docker load -i");
                }
            }
            return new Imported(List.copyOf(images), k3s.stream().map(NodeRuntime.Node::name).toList(), bytes);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot save " + String.join(", ", images) + " to a temporary file: "
                    + e.getMessage(), "free disk space in " + System.getProperty("java.io.tmpdir"), e);
        } finally {
            if (wrapped != null) {
                removeQuietly(k3s.getFirst().id(), tarball, progress);
            }
            deleteQuietly(saved);
            deleteQuietly(wrapped);
        }
    }

    private List<NodeRuntime.Node> runningK3sNodes(ClusterName cluster) {
        List<NodeRuntime.Node> k3s = nodes.nodes(cluster).stream().filter(n -> n.role().equals("server")
                || n.role().equals("agent")).toList();
        if (k3s.isEmpty()) {
            throw SikifansoException.failure("cluster \"" + cluster + "\" has no nodes in Docker",
                    "create them: ", Suggestion.of("cluster", "create").arg("name", cluster));
        }
        List<String> stopped = k3s.stream().filter(n -> !n.running()).map(NodeRuntime.Node::name).toList();
        if (!stopped.isEmpty()) {
            throw SikifansoException.failure("cluster \"" + cluster + "\" has nodes that are not running: "
                    + String.join(", ", stopped), "start it: ", Suggestion.of("cluster", "start").arg("cluster", cluster));
        }
        return k3s;
    }

    private void requireLocal(String image) {
        try {
            engine.call("inspect image " + image, docker -> docker.inspectImageCmd(image).exec());
        } catch (SikifansoException e) {
            if (e.getCause() instanceof NotFoundException) {
                throw SikifansoException.usage("image " + image + " is not in Docker on this machine",
                        "build or pull it first (docker build -t " + image + " . or docker pull " + image
                                + "), then import it again");
            }
            throw e;
        }
    }

    private Path save(List<String> images) throws IOException {
        Path file = Files.createTempFile("sikifanso-images-", ".tar");
        saveTo(engine, images, file);
        return file;
    }

    /** {@code docker save} of {@code images} into {@code file}: the tarball format k3s and ctr import. */
    static void saveTo(DockerEngine engine, List<String> images, Path file) {
        engine.call("save " + String.join(", ", images), docker -> {
            var save = docker.saveImagesCmd();
            images.forEach(image -> {
                ImageParts p = ImageParts.of(image);
                save.withImage(p.repository(), p.tag());
            });
            try (InputStream in = save.exec(); OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    /** The saved images as one file at {@code path} in a tar, the form Docker's archive upload takes. */
    private static Path wrap(Path saved, String path) throws IOException {
        Path file = Files.createTempFile("sikifanso-upload-", ".tar");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(file))) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry entry = new TarArchiveEntry(path.substring(1));
            entry.setSize(Files.size(saved));
            entry.setMode(0644);
            tar.putArchiveEntry(entry);
            Files.copy(saved, tar);
            tar.closeArchiveEntry();
        }
        return file;
    }

    private void copyInto(String container, Path upload) {
        engine.run("copy the image tarball into " + container, docker -> {
            try (InputStream in = Files.newInputStream(upload)) {
                docker.copyArchiveToContainerCmd(container).withRemotePath("/").withTarInputStream(in).exec();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void removeQuietly(String container, String tarball, Progress progress) {
        try {
            nodes.exec(container, List.of("rm", "-f", tarball), Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            progress.note("warning: could not remove " + tarball + " from the image volume: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file; the OS cleans its temp directory.
            }
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    /** An image reference split for the save call: the tag after the last colon past the last slash, else latest. */
    record ImageParts(String repository, String tag) {
        static ImageParts of(String image) {
            int slash = image.lastIndexOf('/');
            int colon = image.lastIndexOf(':');
            return colon > slash ? new ImageParts(image.substring(0, colon), image.substring(colon + 1))
                    : new ImageParts(image, "latest");
        }
    }
}
