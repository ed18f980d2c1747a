package com.sikifanso.gitops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.TransportException;

/**
 * A bare clone of a repository that is read and thrown away (a shared document at a ref), with the user's own git
 * credentials: over https and http JGit fetches, asking git's credential helpers through
 * {@link GitCredentialHelpers}; over ssh the {@code git} program fetches, since JGit has no ssh transport here and
 * git's own uses ~/.ssh, ssh-agent and known_hosts as at the terminal (never prompting).
 */
public final class BareClones {
    private static final Duration SSH_TIMEOUT = Duration.ofSeconds(120);

    private BareClones() {
    }

    /** Clones {@code url} into the empty directory {@code dir}, every branch and tag, and opens it. */
    public static Git cloneBare(String url, Path dir, Map<String, String> env)
            throws GitAPIException, TransportException {
        if (GitCredentials.isSsh(url)) {
            GitProcess.Result r = new GitProcess(dir, env, SSH_TIMEOUT).run("clone", "--bare", "--quiet", url, ".");
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
        Git git = Git.cloneRepository().setURI(url).setDirectory(dir.toFile()).setBare(true)
                .setCloneAllBranches(true).setCredentialsProvider(credentials).call();
        credentials.approve();
        return git;
    }
}
