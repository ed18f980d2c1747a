package com.sikifanso.gitops;

import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Ref;

/**
 * Creates a cluster's GitOps repo from a template. The repo is built in a temp directory beside
 * the target and moved into place only when complete, so a failure leaves nothing behind.
 */
public final class Scaffolder {
    /** The create flag that names a template: {@code --bootstrap}, {@code bootstrapUrl} for a model. */
    private static final Hint.Mention BOOTSTRAP = Suggestion.of("cluster", "create")
            .option("bootstrap", "bootstrapUrl", "URL").mentionFlag();

    /** Files a template must have for Argo CD to find the three root ApplicationSets and the catalog. */
    public static final List<String> REQUIRED_FILES = List.of(
            "bootstrap/root-app.yaml", "bootstrap/root-catalog.yaml", "bootstrap/root-agents.yaml", "catalog");
    /** Directories the CLI writes into; a custom template may omit them. */
    static final List<String> WORK_DIRS = List.of("apps/coordinates", "apps/values", "agents", "agents/values");

    private static final String TEMPLATE_ROOT = "/bootstrap/";
    private static final String TEMPLATE_INDEX = "/bootstrap.index";

    private final String toolVersion;

    /** Where a custom template's clone finds the user's git credentials (HOME, GIT_CONFIG_*), as share/ does. */
    private final java.util.Map<String, String> env;

    public Scaffolder(String toolVersion) {
        this(toolVersion, System.getenv());
    }

    public Scaffolder(String toolVersion, java.util.Map<String, String> env) {
        this.toolVersion = toolVersion;
        this.env = env;
    }

    public GitOpsRepo scaffold(Path target, TemplateSource source) {
        if (Files.exists(target)) {
            throw SikifansoException.failure("a GitOps repo already exists at " + target,
                    "use it as it is, or remove the cluster first with: ", Suggestion.of("cluster", "delete"));
        }
        Path work = null;
        try {
            Files.createDirectories(target.getParent());
            work = Files.createTempDirectory(target.getParent(), ".gitops-");
            String message = switch (source) {
                case TemplateSource.Embedded e -> {
                    copyEmbeddedTemplate(work);
                    yield "Initial scaffold (sikifanso " + toolVersion + ")";
                }
                case TemplateSource.Custom c -> {
                    fetchCustomTemplate(c, work);
                    yield "Initial scaffold from " + c.describe() + " (sikifanso " + toolVersion + ")";
                }
            };
            requireTemplateFiles(work, source);
            for (String dir : WORK_DIRS) {
                Path d = Files.createDirectories(work.resolve(dir));
                if (isEmpty(d)) {
                    Files.createFile(d.resolve(".gitkeep"));
                }
            }
            initialCommit(work, message);
            // A temp directory is 0700: Argo CD's repo-server (uid 999) must read the repo.
            RepoPermissions.shareForReading(work);
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            work = null;
            return new GitOpsRepo(target);
        } catch (IOException | GitAPIException e) {
            throw SikifansoException.failure("could not create the GitOps repo at " + target + ": " + e.getMessage(),
                    "check that " + target.getParent() + " is writable", e);
        } finally {
            if (work != null) {
                try {
                    LocalFiles.deleteRecursively(work);
                } catch (IOException ignored) {
                    // A leftover temp directory is hidden and harmless.
                }
            }
        }
    }

    /** Writes the embedded template's files into {@code work}, as a new cluster's repo starts. */
    public static void copyEmbeddedTemplate(Path work) throws IOException {
        for (String file : embeddedFiles()) {
            try (InputStream in = Scaffolder.class.getResourceAsStream(TEMPLATE_ROOT + file)) {
                if (in == null) {
                    throw new IOException("the jar's template index lists " + file + " but the jar lacks it");
                }
                Path out = work.resolve(file);
                Files.createDirectories(out.getParent());
                Files.copy(in, out);
            }
        }
    }

    /** The template's file list, written at build time so no classpath scanning is needed. */
    public static List<String> embeddedFiles() throws IOException {
        try (InputStream in = Scaffolder.class.getResourceAsStream(TEMPLATE_INDEX)) {
            if (in == null) {
                throw new IOException("the jar has no " + TEMPLATE_INDEX + "; rebuild sikifanso");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
    }

    /** One file of the embedded template (e.g. {@code catalog/values/valkey.yaml}), if it has it. */
    public static java.util.Optional<String> embeddedFile(String relativePath) {
        try (InputStream in = Scaffolder.class.getResourceAsStream(TEMPLATE_ROOT + relativePath)) {
            return in == null ? java.util.Optional.empty()
                    : java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the embedded template's " + relativePath, e);
        }
    }

    private void fetchCustomTemplate(TemplateSource.Custom source, Path work)
            throws IOException, GitAPIException {
        Path local = Path.of(source.location());
        boolean plainDirectory = Files.isDirectory(local) && !Files.exists(local.resolve(".git"));
        if (plainDirectory && source.tag() == null) {
            copyTree(local, work);
            return;
        }
        String uri = Files.isDirectory(local) ? local.toAbsolutePath().toUri().toString() : source.location();
        // A private template repo is cloned with the user's git credentials, as a shared document is (ssh included).
        try (Git git = GitClones.withWorkTree(uri, work, env)) {
            if (source.tag() != null) {
                checkoutTag(git, source);
            }
        } catch (org.eclipse.jgit.api.errors.InvalidRemoteException
                 | org.eclipse.jgit.api.errors.TransportException | org.eclipse.jgit.errors.TransportException e) {
            throw SikifansoException.failure("cannot clone bootstrap template " + source.location() + ": "
                    + e.getMessage(), "give a reachable git URL or a local path with ", BOOTSTRAP, ", or leave ", BOOTSTRAP,
                    " out to use the template built into sikifanso", e);
        }
        LocalFiles.deleteRecursively(work.resolve(".git"));
    }

    private static void checkoutTag(Git git, TemplateSource.Custom source) throws GitAPIException {
        Ref tag = null;
        try {
            tag = git.getRepository().findRef("refs/tags/" + source.tag());
        } catch (IOException ignored) {
            // Treated as a missing tag below.
        }
        if (tag == null) {
            List<String> tags = git.tagList().call().stream()
                    .map(r -> r.getName().replace("refs/tags/", "")).toList();
            throw SikifansoException.usage("tag \"" + source.tag() + "\" not found in " + source.location(),
                    tags.isEmpty() ? Hint.of("that repo has no tags; leave out ", Suggestion.of("cluster", "create")
                            .option("bootstrapVersion", "V").mentionFlag())
                            : "tags there: " + String.join(", ", tags));
        }
        git.checkout().setName(tag.getName()).call();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path out = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(out);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void requireTemplateFiles(Path work, TemplateSource source) {
        List<String> missing = new ArrayList<>();
        for (String required : REQUIRED_FILES) {
            if (!Files.exists(work.resolve(required))) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw SikifansoException.usage("bootstrap template " + source.describe() + " is missing "
                            + String.join(", ", missing),
                    "a template needs " + String.join(", ", REQUIRED_FILES)
                            + "; start from the built-in one (leave out ", BOOTSTRAP, ")");
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void initialCommit(Path work, String message) throws GitAPIException {
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage(CommitTrailers.onto(message)).setAuthor(GitOpsRepo.author())
                    .setCommitter(GitOpsRepo.author())
                    .setSign(false).call();
        }
    }
}
