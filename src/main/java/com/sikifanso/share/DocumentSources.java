package com.sikifanso.share;

import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/** Fetches a shared document from where a {@link ShareRef} says (a file, an OCI registry, a git repository). */
public final class DocumentSources {
    private final OciArtifacts oci;
    private final java.util.Map<String, String> env;

    public DocumentSources(OciArtifacts oci) {
        this(oci, System.getenv());
    }

    /** {@code env}: HOME, PATH and the git token variable, for git refs fetched with the user's credentials. */
    public DocumentSources(OciArtifacts oci, java.util.Map<String, String> env) {
        this.oci = oci;
        this.env = env;
    }

    /** The document's bytes, not yet read as a document. */
    public byte[] fetch(ShareRef ref, DocumentKind kind) {
        return switch (ref) {
            case ShareRef.LocalFile f -> readFile(f, kind);
            case ShareRef.Oci o -> oci.pull(o, kind);
            case ShareRef.Git g -> GitRefs.read(g, env);
        };
    }

    /**
     * The files of a directory at a git ref or in an OCI artifact, with the commit or digest that pins them. A
     * directory on this machine is refused: nothing would pin it.
     */
    public FetchedFiles fetchDirectory(ShareRef ref, String what) {
        return switch (ref) {
            case ShareRef.LocalFile f -> throw SikifansoException.usage("\"" + f.text() + "\" is a path on this"
                    + " machine, which nothing pins", "give " + what + " as git+file://DIR//PATH@REF (a local git"
                    + " repository), " + ShareRef.GIT_DIRECTORY_FORM + " or " + ShareRef.OCI_DIRECTORY_FORM);
            case ShareRef.Oci o -> oci.pullDirectory(o);
            case ShareRef.Git g -> GitRefs.readDirectory(g, env);
        };
    }

    /** The document fetched and read as {@code type}, checked to be a {@code kind}. */
    public <T> T load(ShareRef ref, DocumentKind kind, Class<T> type) {
        return SharedDocuments.read(fetch(ref, kind), ref.text(), kind, type);
    }

    /** Pushes the document; returns the manifest's digest. */
    public String push(ShareRef.Oci ref, DocumentKind kind, byte[] yaml) {
        return oci.push(ref, kind, yaml);
    }

    private static byte[] readFile(ShareRef.LocalFile f, DocumentKind kind) {
        try {
            if (Files.isDirectory(f.path())) {
                throw SikifansoException.usage(f.path() + " is a directory", "give the " + kind.words() + "'s file");
            }
            return LocalFiles.readAtMost(f.path(), SharedDocuments.MAX_BYTES).orElseThrow(() ->
                    SikifansoException.usage(f.path() + " is larger than 1 MiB, which no " + kind.words() + " is",
                            "check that it is the right file"));
        } catch (NoSuchFileException e) {
            throw SikifansoException.usage(f.path() + " does not exist", "give a " + kind.words() + "'s file, "
                    + ShareRef.OCI_FORM + ", or " + ShareRef.GIT_FORM);
        } catch (IOException e) {
            throw SikifansoException.usage("cannot read " + f.path() + ": " + e.getMessage(),
                    "give a readable " + kind.words() + " file");
        }
    }
}
