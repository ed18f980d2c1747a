package com.sikifanso.gitops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.TransportException;

/**
 * Clones of repositories sikifanso reads (a shared document at a ref, a {@code --bootstrap} template), with the user's
 * own git credentials: over https and http JGit fetches, asking git's credential helpers through
 * {@link GitCredentialHelpers}; over ssh the {@code git} program fetches, since JGit has no ssh transport here and
 * git's own uses ~/.ssh, ssh-agent and known_hosts as at the terminal (never prompting).
 */
public final class GitClones {
    private static final Duration SSH_TIMEOUT = Duration.ofSeconds(120);

    private GitClones() {
    }

    /** Clones {@code url} into the empty directory {@code dir}, every branch and tag, without a work tree. */
    public static Git bare(String url, Path dir, Map<String, String> env) throws GitAPIException, TransportException {
        return clone(url, dir, env, true);
    }

    /** Clones {@code url} into the empty directory {@code dir} with its default branch checked out. */
    public static Git withWorkTree(String url, Path dir, Map<String, String> env)
            throws GitAPIException, TransportException {
        return clone(url, dir, env, false);
    }

    private static Git clone(String url, Path dir, Map<String, String> env, boolean bare)
            throws GitAPIException, TransportException {
        if (GitCredentials.isSsh(url)) {
            GitProcess.Result r = bare
                    ? new GitProcess(dir, env, SSH_TIMEOUT).run("clone", "--bare", "--quiet", url, ".")
                    : new GitProcess(dir, env, SSH_TIMEOUT).run("clone", "--quiet", url, ".");
            if (!r.ok()) {
                throw new TransportException(RemoteUrls.masked(r.reason()));
            }
            try {
                return Git.open(dir.toFile());
            } catch (java.io.IOException e) {
                throw new TransportException("git cloned " + RemoteUrls.masked(url) + " but the clone cannot be read", e);
            }
        }
        GitCredentialHelpers credentials = new GitCredentialHelpers(dir, env);
        Git git = Git.cloneRepository().setURI(url).setDirectory(dir.toFile()).setBare(bare)
                .setCloneAllBranches(bare).setCredentialsProvider(credentials).call();
        credentials.approve();
        return git;
    }
}
