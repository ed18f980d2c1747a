package com.sikifanso.gitops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;

/**
 * The user's git credentials for what JGit fetches over https (shared profile bundles and agent templates in git):
 * JGit never runs git's credential helpers itself, so this asks {@code git credential fill} as git would (the
 * helpers in the user's git config, and {@value GitProcess#TOKEN_VARIABLE} when set), then tells the helpers how it
 * went: {@code approve} after a fetch that worked ({@link #approve}), {@code reject} when the server refused them
 * (JGit calls {@link #reset}). Never interactive, never stored: the answer lives in this object for one fetch. Over
 * ssh, JGit is not used at all: the {@code git} program fetches, with ~/.ssh and ssh-agent as at the terminal.
 */
public final class GitCredentialHelpers extends CredentialsProvider {
    private final Path dir;
    private final Map<String, String> env;
    private final Map<String, Answer> answered = new LinkedHashMap<>();

    /** A username and password a helper gave for a URL. */
    record Answer(String username, String password) {
        @Override
        public String toString() {
            return "Answer[user " + username + ", password ***]";
        }
    }

    /** @param dir where git runs, so a repo's own credential settings apply when it is one */
    public GitCredentialHelpers(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = env;
    }

    @Override
    public boolean isInteractive() {
        return false;
    }

    @Override
    public boolean supports(CredentialItem... items) {
        for (CredentialItem item : items) {
            if (!(item instanceof CredentialItem.Username) && !(item instanceof CredentialItem.Password)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean get(URIish uri, CredentialItem... items) {
        String url = url(uri);
        if (url == null) {
            return false;
        }
        Optional<Answer> answer = fill(url);
        if (answer.isEmpty()) {
            return false;
        }
        answered.put(url, answer.get());
        for (CredentialItem item : items) {
            if (item instanceof CredentialItem.Username u) {
                u.setValue(answer.get().username());
            } else if (item instanceof CredentialItem.Password p) {
                p.setValue(answer.get().password().toCharArray());
            } else {
                return false;
            }
        }
        return true;
    }

    /** The server refused what the helpers gave: they are told to forget it (git credential reject). */
    @Override
    public void reset(URIish uri) {
        String url = url(uri);
        Answer answer = url == null ? null : answered.remove(url);
        if (answer != null) {
            tell("reject", url, answer);
        }
    }

    /** The fetch worked: the helpers may keep what they gave (git credential approve), as git does after a fetch. */
    public void approve() {
        answered.forEach((url, answer) -> tell("approve", url, answer));
        answered.clear();
    }

    /** What the helpers answer for {@code url} (https or http), never prompting; empty when none does. */
    Optional<Answer> fill(String url) {
        GitProcess.Result r = git().runWithInput("url=" + url + "\n\n", "credential", "fill");
        if (!r.ok()) {
            return Optional.empty();
        }
        Map<String, String> fields = fields(r.out());
        String password = fields.get("password");
        return password == null || password.isEmpty() ? Optional.empty()
                : Optional.of(new Answer(fields.getOrDefault("username", ""), password));
    }

    private void tell(String verdict, String url, Answer answer) {
        git().runWithInput("url=" + url + "\nusername=" + answer.username() + "\npassword=" + answer.password()
                + "\n\n", "credential", verdict);
    }

    private GitProcess git() {
        return new GitProcess(dir, env, Duration.ofSeconds(20));
    }

    /** The URL a helper is asked about: http(s) only, without any user info (a helper answers for the user). */
    private static String url(URIish uri) {
        String scheme = uri.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            return null;
        }
        return uri.setUser(null).setPass(null).toString();
    }

    private static Map<String, String> fields(String out) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return fields;
    }
}
