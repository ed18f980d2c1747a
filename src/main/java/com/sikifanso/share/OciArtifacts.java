package com.sikifanso.share;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Throwables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import land.oras.Annotations;
import land.oras.ArtifactType;
import land.oras.Config;
import land.oras.ContainerRef;
import land.oras.Layer;
import land.oras.LocalPath;
import land.oras.Manifest;
import land.oras.Registry;
import land.oras.auth.AuthStore;
import land.oras.auth.AuthStoreAuthenticationProvider;
import land.oras.exception.OrasException;

/**
 * Shared documents as OCI artifacts, through the ORAS Java SDK: one layer holding the YAML (its media type says the
 * kind), an empty config, the manifest's {@code artifactType}. Logins are Docker's ({@code $DOCKER_CONFIG} or
 * {@code ~/.docker/config.json}, what {@code docker login} and {@code oras login} write); loopback registries are
 * spoken to over HTTP as Docker does, others over HTTPS.
 */
public final class OciArtifacts {
    private final Path dockerConfig;

    public OciArtifacts(Map<String, String> env) {
        String dir = env.get("DOCKER_CONFIG");
        Path configDir = dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker");
        this.dockerConfig = configDir.resolve("config.json");
    }

    /** Pushes {@code yaml} as a {@code kind} artifact; returns the manifest's digest. */
    public String push(ShareRef.Oci ref, DocumentKind kind, byte[] yaml) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sikifanso-push");
            Path file = Files.write(dir.resolve(kind.fileName()), yaml);
            Manifest manifest = registry(ref).pushArtifact(ContainerRef.parse(ref.reference()),
                    ArtifactType.from(kind.artifactType()), Annotations.empty(), Config.empty(),
                    LocalPath.of(file, kind.mediaType()));
            return manifest.getDescriptor().getDigest();
        } catch (OrasException e) {
            throw failed("push to", ref, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            LocalFiles.deleteQuietly(dir);
        }
    }

    /** The YAML of the {@code kind} artifact at {@code ref}; another kind of artifact is refused. */
    public byte[] pull(ShareRef.Oci ref, DocumentKind kind) {
        try {
            Registry registry = registry(ref);
            ContainerRef container = ContainerRef.parse(ref.reference());
            Manifest manifest = registry.getManifest(container);
            List<Layer> layers = manifest.getLayers().stream()
                    .filter(l -> kind.mediaType().equals(l.getMediaType())).toList();
            if (layers.size() != 1) {
                throw SikifansoException.failure(ref.text() + " is not a " + kind.words() + " (artifact type "
                                + manifest.getArtifactTypeAsString() + ", no single layer of " + kind.mediaType() + ")",
                        "give the reference a " + kind.words() + " was pushed to (", Suggestion.of("profile", "push")
                                .cliArg("FILE").arg("reference", "REF"), ")");
            }
            if (layers.get(0).getSize() > SharedDocuments.MAX_BYTES) {
                throw SikifansoException.failure(ref.text() + " holds " + layers.get(0).getSize() + " bytes, more"
                        + " than any " + kind.words(), "check the reference");
            }
            return registry.getBlob(container.withDigest(layers.get(0).getDigest()));
        } catch (OrasException e) {
            throw failed("pull from", ref, e);
        }
    }

    /**
     * The files of a directory pushed as an OCI artifact ({@code oras push REGISTRY/REPO:TAG catalog/}: its layers
     * are files by their titles, a directory as one unpacked tar), pulled by the manifest's digest so what is read
     * is what the pin names.
     */
    public FetchedFiles pullDirectory(ShareRef.Oci ref) {
        Path dir = null;
        try {
            Registry registry = registry(ref);
            Manifest manifest = registry.getManifest(ContainerRef.parse(ref.reference()));
            long size = manifest.getLayers().stream().mapToLong(Layer::getSize).sum();
            if (size > FetchedFiles.MAX_TOTAL_BYTES) {
                throw SikifansoException.failure(ref.text() + " holds " + size + " bytes, more than any catalog",
                        "check the reference");
            }
            String digest = manifest.getDescriptor().getDigest();
            dir = Files.createTempDirectory("sikifanso-pull");
            registry.pullArtifact(ContainerRef.parse(ref.registry() + "/" + ref.repository() + "@" + digest), dir,
                    true);
            FetchedFiles.Builder files = new FetchedFiles.Builder(ref.text(), digest);
            Path root = singleDirectory(dir);
            try (var walk = Files.walk(root)) {
                for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                    files.add(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            return files.build();
        } catch (OrasException e) {
            if (Integer.valueOf(404).equals(e.getStatusCode())) {
                throw SikifansoException.failure("cannot pull from " + ref.text() + ": no such repository or tag"
                        + " (404)", "check the repository and tag; publish a catalog's directory with: oras push "
                        + ref.reference() + " DIR/", e);
            }
            throw failed("pull from", ref, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            LocalFiles.deleteQuietly(dir);
        }
    }

    /** A pushed directory unpacks under its own name ({@code entries/}): its files are the catalog's. */
    private static Path singleDirectory(Path dir) throws IOException {
        try (var children = Files.list(dir)) {
            List<Path> all = children.toList();
            return all.size() == 1 && Files.isDirectory(all.get(0)) ? all.get(0) : dir;
        }
    }

    private Registry registry(ShareRef.Oci ref) {
        return Registry.builder().withInsecure(ref.loopback())
                .withAuthProvider(new AuthStoreAuthenticationProvider(AuthStore.newStore(List.of(dockerConfig))))
                .build();
    }

    /** The registry's answer, or why it could not be asked, with the fix for each. */
    private SikifansoException failed(String verb, ShareRef.Oci ref, OrasException e) {
        Integer status = e.getStatusCode();
        String what = "cannot " + verb + " " + ref.text() + ": ";
        // ORAS reports a request that got no answer (refused, no route, TLS) as status -1 or none.
        if (status == null || status < 0) {
            return SikifansoException.failure(what + "registry " + ref.registry() + " cannot be reached ("
                    + Throwables.rootMessage(e) + ")", "check the registry's address and that it is up; nothing"
                    + " was changed", e);
        }
        return switch (status) {
            case 401, 403 -> SikifansoException.failure(what + "the registry refused the login (" + status + ")",
                    "log in first: docker login " + ref.registry() + " (sikifanso reads " + dockerConfig + ")", e);
            case 404 -> SikifansoException.failure(what + "no such repository or tag (404)",
                    "check the repository and tag; push one with: ", Suggestion.of("profile", "push").cliArg("FILE")
                            .arg("reference", ref.text()), e);
            default -> SikifansoException.failure(what + "the registry answered " + status + ": "
                    + Throwables.firstLine(String.valueOf(e.getMessage())), "try again; nothing was changed", e);
        };
    }
}
