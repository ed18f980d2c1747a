package com.sikifanso.gitops;

import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials Argo CD needs to read a GitOps remote, taken from where git users keep them and handed straight to
 * the cluster's repository Secret, never written to the session or printed: for https, what git's own credential
 * helpers answer ({@value GitProcess#TOKEN_VARIABLE} among them, as for a push); for ssh, a private key file, since
 * the keys in an ssh-agent cannot be handed over.
 */
public final class GitCredentials {
    /** A private key file Argo CD may read an ssh remote with (a deploy key); else the user's default key files. */
    public static final String SSH_KEY_VARIABLE = "SIKIFANSO_GIT_SSH_KEY";
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    /** What Argo CD logs in with: username and password (https), or a private key (ssh); all null for none. */
    public record Credentials(String username, String password, String sshPrivateKey) {
        public static final Credentials NONE = new Credentials(null, null, null);

        /** Never the secrets themselves: a record's toString would otherwise print them into a log. */
        @Override
        public String toString() {
            return sshPrivateKey != null ? "Credentials[ssh key]"
                    : password != null ? "Credentials[user " + username + ", password ***]" : "Credentials[none]";
        }
    }

    private final Path repoDir;
    private final Map<String, String> env;

    /** @param repoDir the GitOps repo, so git reads its settings (credential helpers) as a push there would */
    public GitCredentials(Path repoDir, Map<String, String> env) {
        this.repoDir = repoDir;
        this.env = env;
    }

    /** The credentials for {@code url}: none for a server that needs none (git://, or https that nobody answers for). */
    public Credentials forUrl(String url) {
        if (isSsh(url)) {
            return new Credentials(null, null, sshKey(url));
        }
        if (url.startsWith("https://") || url.startsWith("http://")) {
            return fromCredentialHelpers(url).orElse(Credentials.NONE);
        }
        return Credentials.NONE;
    }

    static boolean isSsh(String url) {
        return url.startsWith("ssh://") || !url.contains("://");
    }

    /** git credential fill, never prompting: what the user's helpers (or the token variable) give for the URL. */
    private Optional<Credentials> fromCredentialHelpers(String url) {
        return new GitCredentialHelpers(repoDir, env).fill(url)
                .map(a -> new Credentials(a.username(), a.password(), null));
    }

    private String sshKey(String url) {
        String chosen = env.get(SSH_KEY_VARIABLE);
        Path key;
        if (chosen != null && !chosen.isBlank()) {
            key = Path.of(chosen);
            if (!Files.isReadable(key)) {
                throw SikifansoException.usage(SSH_KEY_VARIABLE + " names " + key + ", which cannot be read",
                        "point it at the private key file that may read " + RemoteUrls.masked(url));
            }
        } else {
            Path ssh = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".ssh");
            key = DEFAULT_KEYS.stream().map(ssh::resolve).filter(Files::isReadable).findFirst()
                    .orElseThrow(() -> SikifansoException.failure("Argo CD needs a private key file to read "
                                    + RemoteUrls.masked(url) + " over ssh, and none was found (" + ssh + "/"
                                    + String.join(", ", DEFAULT_KEYS) + "); keys in an ssh-agent cannot be handed over",
                            "set " + SSH_KEY_VARIABLE + "=PATH to a deploy key that can read the repo, or use its "
                                    + "https URL with " + GitProcess.TOKEN_VARIABLE));
        }
        try {
            String text = Files.readString(key);
            if (text.contains("ENCRYPTED")) {
                throw SikifansoException.failure("the key " + key + " has a passphrase, which Argo CD cannot enter",
                        "set " + SSH_KEY_VARIABLE + "=PATH to a key without a passphrase (a deploy key for this repo)");
            }
            return text;
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read the ssh key " + key + ": " + e.getMessage(),
                    "check its permissions, or set " + SSH_KEY_VARIABLE + "=PATH to another key", e);
        }
    }
}
