package com.sikifanso.share;

import com.sikifanso.core.SikifansoException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a shared document (a profile bundle, an agent template) lives: a file on this machine, an OCI artifact
 * ({@code oci://REGISTRY/REPO:TAG} or {@code @sha256:...}), or a file in a git repository at a ref
 * ({@code git+https://HOST/REPO//PATH@REF}, {@code git+file:///DIR//PATH@REF}), as Helm and Kustomize write remote
 * sources. Parsed once at the edge; a bad reference is a usage error that shows the right form.
 */
public sealed interface ShareRef {
    String OCI_FORM = "oci://REGISTRY/REPOSITORY:TAG, e.g. oci://ghcr.io/team/profiles:v1";
    String GIT_FORM = "git+https://HOST/REPO//PATH@REF, e.g. git+https://github.com/team/infra//profiles/rag.yaml@v1";
    /** The forms for a directory of files (a catalog source), with examples that are directories. */
    String OCI_DIRECTORY_FORM = "oci://REGISTRY/REPOSITORY:TAG, e.g. oci://ghcr.io/team/catalog:v1";
    String GIT_DIRECTORY_FORM = "git+https://HOST/REPO//DIR@REF, e.g. git+https://github.com/team/infra//catalog@v1";
    Pattern OCI = Pattern.compile("([A-Za-z0-9.-]+(?::[0-9]+)?)/([a-z0-9]+(?:[._/-][a-z0-9]+)*)"
            + "(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})|@(sha256:[a-f0-9]{64}))");

    /** The reference as the user wrote it. */
    String text();

    record LocalFile(Path path, String text) implements ShareRef {
    }

    /** {@code tag} or {@code digest} is set, never both. */
    record Oci(String registry, String repository, String tag, String digest, String text) implements ShareRef {
        /** The reference without the scheme, as registries and ORAS write it. */
        public String reference() {
            return registry + "/" + repository + (digest != null ? "@" + digest : ":" + tag);
        }

        /** Loopback registries are spoken to over plain HTTP, as Docker does for 127.0.0.0/8 and localhost. */
        public boolean loopback() {
            String host = registry.replaceFirst(":[0-9]+$", "");
            return host.equals("localhost") || host.startsWith("127.");
        }
    }

    /** {@code url} is what git clones (https, http, ssh or file); {@code path} is the file in it at {@code ref}. */
    record Git(String url, String path, String ref, String text) implements ShareRef {
    }

    public static ShareRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw SikifansoException.usage("no reference given", "give a file, " + OCI_FORM + " or " + GIT_FORM);
        }
        String ref = text.strip();
        if (ref.startsWith("oci://")) {
            return oci(ref);
        }
        if (ref.startsWith("git+")) {
            return git(ref);
        }
        if (ref.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            throw SikifansoException.usage("\"" + ref + "\" has a scheme sikifanso cannot fetch from",
                    "use a file path, " + OCI_FORM + " or " + GIT_FORM);
        }
        return new LocalFile(Path.of(ref), ref);
    }

    /** An OCI reference only: where {@code push} puts a document. */
    public static Oci parseOci(String text) {
        ShareRef ref = parse(text);
        if (ref instanceof Oci oci) {
            return oci;
        }
        throw SikifansoException.usage("\"" + text + "\" is not an OCI reference", "push to " + OCI_FORM
                + " (a git ref is shared by committing the file; a file needs no push)");
    }

    private static Oci oci(String ref) {
        Matcher m = OCI.matcher(ref.substring("oci://".length()));
        if (!m.matches()) {
            throw SikifansoException.usage("\"" + ref + "\" is not an OCI reference with a tag or digest",
                    "write " + OCI_FORM + " (lower-case repository; a tag, or @sha256:DIGEST)");
        }
        return new Oci(m.group(1), m.group(2), m.group(3), m.group(4), ref);
    }

    private static Git git(String ref) {
        String rest = ref.substring("git+".length());
        int scheme = rest.indexOf("://");
        int split = scheme < 0 ? -1 : rest.indexOf("//", scheme + 3);
        int at = rest.lastIndexOf('@');
        if (!rest.matches("^(https?|ssh|file)://.*") || split < 0 || at < split) {
            throw SikifansoException.usage("\"" + ref + "\" is not a git reference with a path and a ref",
                    "write " + GIT_FORM + " (https, http, ssh or file; // before the file's path, @ before the"
                            + " branch, tag or commit)");
        }
        String url = rest.substring(0, split);
        String path = rest.substring(split + 2, at);
        String rev = rest.substring(at + 1);
        if (path.isBlank() || rev.isBlank() || path.startsWith("/") || path.contains("..")) {
            throw SikifansoException.usage("\"" + ref + "\" names no file in the repository, or no ref",
                    "write " + GIT_FORM);
        }
        return new Git(url, path, rev, ref);
    }
}
