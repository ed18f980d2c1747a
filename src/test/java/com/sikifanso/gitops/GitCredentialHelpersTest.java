package com.sikifanso.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetches of shared documents use the user's git credentials: over https JGit asks git's credential helpers (a real
 * {@code git config credential.helper store} in a HOME made for the test, never the user's), over a real smart HTTP
 * server with a login ({@code git http-backend}); over ssh the git program fetches. No ssh server runs here: the ssh
 * test gives git a GIT_SSH_COMMAND that runs the remote command locally, as sshd would, so it shows the path an ssh
 * URL takes (git's own ssh, which reads ~/.ssh and ssh-agent) without an agent or a key.
 */
class GitCredentialHelpersTest {
    static final String USER = "alice";
    static final String PASSWORD = "s3cret-pw";

    @TempDir
    Path tmp;

    private Path home;
    private Map<String, String> env;
    private GitServers.Http http;
    private String url;

    @BeforeEach
    void aRepoBehindALogin() throws Exception {
        Path servers = Files.createDirectories(tmp.resolve("servers"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        GitServers.run(List.of("git", "init", "-q", "--initial-branch=main", work.toString()), null);
        Files.writeString(work.resolve("profile.yaml"), "kind: ProfileBundle\n");
        GitServers.run(List.of("git", "-C", work.toString(), "add", "."), null);
        GitServers.run(List.of("git", "-C", work.toString(), "-c", "user.name=t", "-c", "user.email=t@t", "commit",
                "-q", "-m", "v1"), null);
        GitServers.run(List.of("git", "clone", "-q", "--bare", work.toString(), servers.resolve("team.git")
                .toString()), null);
        http = new GitServers.Http(servers, USER, PASSWORD);
        url = http.url("team.git");
        home = Files.createDirectories(tmp.resolve("home"));
        env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("PATH", System.getenv("PATH"));
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private void gitConfig(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("env", "HOME=" + home, "GIT_CONFIG_NOSYSTEM=1",
                "git", "config", "--global"));
        command.addAll(List.of(args));
        GitServers.run(command, null);
    }

    private Path credentialStore(String password) throws Exception {
        Path store = home.resolve(".git-credentials");
        Files.writeString(store, url.replace("http://", "http://" + USER + ":" + password + "@")
                .replace("/team.git", "") + "\n");
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-------"));
        return store;
    }

    private String cloneAndRead() throws Exception {
        Path dir = Files.createTempDirectory(tmp, "clone");
        try (Git git = GitClones.bare(url, dir, env)) {
            return git.getRepository().exactRef("refs/heads/main").getObjectId().name();
        }
    }

    /** cluster create --bootstrap URL: a private template repo is cloned with the same credentials. */
    @Test
    void aCustomBootstrapTemplateBehindALoginIsClonedWithTheCredentialStore() throws Exception {
        Scaffolder scaffolder = new Scaffolder("test", env);
        assertThatThrownBy(() -> scaffolder.scaffold(tmp.resolve("without"), TemplateSource.of(url, null)))
                .as("no helper, no login").hasMessageContaining("cannot clone bootstrap template");
        gitConfig("credential.helper", "store");
        credentialStore(PASSWORD);

        // The repo is cloned and read: what it lacks is the template's files (it holds a profile), not the login.
        assertThatThrownBy(() -> scaffolder.scaffold(tmp.resolve("with"), TemplateSource.of(url, null)))
                .hasMessageContaining("bootstrap template " + url + " is missing bootstrap/root-app.yaml")
                .hasMessageNotContaining("cannot clone");
    }

    @Test
    void theCredentialStoreHelperAnswersForTheServer() throws Exception {
        gitConfig("credential.helper", "store");
        credentialStore(PASSWORD);

        assertThat(cloneAndRead()).matches("[0-9a-f]{40}");
    }

    @Test
    void whatAHelperGaveIsApprovedToTheOthersAfterTheFetchWorked() throws Exception {
        // The first helper answers; git asks no further, and approve reaches every helper, the store among them.
        gitConfig("--add", "credential.helper", "!f() { test \"$1\" = get && printf 'username=" + USER
                + "\\npassword=" + PASSWORD + "\\n'; }; f");
        gitConfig("--add", "credential.helper", "store");
        Path store = home.resolve(".git-credentials");

        cloneAndRead();

        assertThat(Files.readString(store)).as("git's store writes the port URL-encoded")
                .contains(USER + ":" + PASSWORD + "@127.0.0.1%3a");
    }

    @Test
    void aPasswordTheServerRefusesIsRejectedFromTheHelpersAndTheErrorShowsNoPassword() throws Exception {
        gitConfig("credential.helper", "store");
        Path store = credentialStore("wrong-pw");

        assertThatThrownBy(this::cloneAndRead).hasMessageContaining("not authorized")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-pw"));
        assertThat(Files.readString(store)).as("git credential reject erased it").doesNotContain("wrong-pw");
    }

    @Test
    void theTokenVariableAnswersForHttpsWithoutAHelper() throws Exception {
        http.close();
        http = new GitServers.Http(tmp.resolve("servers"), "x-access-token", "tok-123");
        url = http.url("team.git");

        assertThatThrownBy(this::cloneAndRead).as("no helper, no token: refused, nothing prompted")
                .hasMessageContaining("not authorized");
        env.put(GitProcess.TOKEN_VARIABLE, "tok-123");
        assertThat(cloneAndRead()).matches("[0-9a-f]{40}");
        assertThat(home.resolve(".git-credentials")).as("nothing stored").doesNotExist();
    }

    @Test
    void anSshUrlIsFetchedByTheGitProgramWithItsSsh() throws Exception {
        sshThroughAStandIn();

        assertThat(cloneAndRead()).matches("[0-9a-f]{40}");
        assertThat(Files.readString(tmp.resolve("ssh.log"))).contains("git@git.example.invalid",
                "git-upload-pack '" + tmp.resolve("servers/team.git"));
    }

    /** cluster create --bootstrap git@...: the template too is cloned by git with its ssh, not by JGit (no ssh). */
    @Test
    void aCustomBootstrapTemplateOverSshIsClonedByTheGitProgram() throws Exception {
        sshThroughAStandIn();

        // Cloned and read: what the repo lacks is the template's files (it holds a profile), not a transport.
        assertThatThrownBy(() -> new Scaffolder("test", env).scaffold(tmp.resolve("ssh-template"),
                TemplateSource.of(url, null)))
                .hasMessageContaining("bootstrap template " + url + " is missing bootstrap/root-app.yaml")
                .hasMessageNotContaining("cannot clone");
        assertThat(Files.readString(tmp.resolve("ssh.log"))).contains("git-upload-pack '"
                + tmp.resolve("servers/team.git"));
    }

    private void sshThroughAStandIn() throws Exception {
        Path fakeSsh = tmp.resolve("fake-ssh");
        // As sshd would: run the command git asks the server for (git-upload-pack '/path'), here, locally.
        Files.writeString(fakeSsh, "#!/bin/sh\nfor last; do :; done\necho \"$@\" >> " + tmp.resolve("ssh.log")
                + "\nexec sh -c \"$last\"\n");
        Files.setPosixFilePermissions(fakeSsh, PosixFilePermissions.fromString("rwx------"));
        env.put("GIT_SSH_COMMAND", fakeSsh.toString());
        env.put("GIT_SSH_VARIANT", "simple");
        url = "ssh://git@git.example.invalid" + tmp.resolve("servers/team.git");
    }
}
