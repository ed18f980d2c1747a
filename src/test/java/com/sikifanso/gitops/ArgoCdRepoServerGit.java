package com.sikifanso.gitops;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.platform.HelmValues;
import com.sikifanso.infra.InfraConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code git} run the way Argo CD's repo-server runs it on the GitOps repo: as uid 999
 * (the argocd user of its image), with {@code HOME=/dev/null}, {@code GIT_TERMINAL_PROMPT=false},
 * {@code GIT_LFS_SKIP_SMUDGE=1} and its built-in {@code GIT_CONFIG_COUNT} settings (argo-cd v3.4.5
 * util/git/client.go: builtinGitConfig, runCmdOutput), plus the environment and git configuration
 * sikifanso's Helm values give the repo-server. Its {@code Init} and {@code Fetch} are
 * {@code git init}, {@code git remote add origin URL} and {@code git fetch origin}.
 *
 * <p>What this cannot reproduce: the pod. The repo reaches the repo-server through the node's bind
 * mount at /local-gitops; here git reads it at its host path, so the test puts that path where the
 * configuration names /local-gitops, and lets uid 999 pass through the test's own parent
 * directories (0711), which a bind mount would not show. Ownership and modes are the host's, as
 * they would be through the mount. Needs root (to switch uid) and setpriv; CI runs as root.
 */
final class ArgoCdRepoServerGit {
    static final int ARGOCD_UID = 999;

    private final Path work;

    ArgoCdRepoServerGit(Path work) {
        this.work = work;
    }

    static void require() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean tools = Files.isExecutable(Path.of("/usr/bin/setpriv")) && Files.isExecutable(Path.of("/usr/bin/git"));
        if (!root || !tools) {
            String why = "running git as Argo CD's uid 999 needs root and /usr/bin/setpriv and git (util-linux, git);"
                    + " bash .ci/run runs the tests as root";
            new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true)
                    .println("\n!!!!! SKIPPING ARGO CD GIT TESTS: " + why + " !!!!!\n");
            assumeTrue(false, "SKIPPED: " + why);
        }
    }

    /** What a git command as the repo-server left: exit code and its output, stderr included. */
    record Result(int exitCode, String output) {
    }

    /** The git configuration file the Helm values mount into the repo-server, with the repo's host path. */
    static String gitConfigFromHelmValues(Path repo) {
        JsonNode values = HelmValues.argocd(new InfraConfigs().defaults());
        for (JsonNode object : values.path("extraObjects")) {
            if ("ConfigMap".equals(object.path("kind").asText()) && object.at("/data/gitconfig").isTextual()) {
                return object.at("/data/gitconfig").asText().replace(HelmValues.GITOPS_MOUNT, repo.toString());
            }
        }
        throw new AssertionError("the Argo CD values carry no gitconfig ConfigMap: " + values.path("extraObjects"));
    }

    /** GIT_CONFIG_GLOBAL as the values set it for the repo-server, or null when they set none. */
    static String gitConfigGlobalFromHelmValues() {
        for (JsonNode env : HelmValues.argocd(new InfraConfigs().defaults()).at("/repoServer/env")) {
            if ("GIT_CONFIG_GLOBAL".equals(env.path("name").asText())) {
                return env.path("value").asText();
            }
        }
        return null;
    }

    /** {@code git ls-remote REPO} as the repo-server, trusting the repo as the Helm values make it. */
    Result lsRemote(Path repo, boolean withSikifansoGitConfig) throws IOException, InterruptedException {
        return git(repo, withSikifansoGitConfig, List.of("git", "ls-remote", repo.toString()));
    }

    /** A fresh clone directory owned by uid 999, then init, remote add and fetch, as Argo CD does. */
    Result fetch(Path repo, boolean withSikifansoGitConfig) throws IOException, InterruptedException {
        Path clone = Files.createTempDirectory(work, "argocd-clone-");
        Files.setPosixFilePermissions(clone, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setAttribute(clone, "unix:uid", ARGOCD_UID);
        Files.setAttribute(clone, "unix:gid", ARGOCD_UID);
        return git(repo, withSikifansoGitConfig, List.of("sh", "-c", "cd " + clone + " && git init -q && git remote"
                + " add origin " + repo + " && git fetch -q origin --tags --force --prune && git rev-parse"
                + " FETCH_HEAD"));
    }

    private Result git(Path repo, boolean withSikifansoGitConfig, List<String> command)
            throws IOException, InterruptedException {
        openParents(repo);
        List<String> full = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + ARGOCD_UID,
                "--regid=" + ARGOCD_UID, "--clear-groups"));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
        var env = pb.environment();
        env.clear();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C");
        env.put("HOME", "/dev/null");
        env.put("GIT_LFS_SKIP_SMUDGE", "1");
        env.put("GIT_TERMINAL_PROMPT", "false");
        env.put("GIT_CONFIG_COUNT", "2");
        env.put("GIT_CONFIG_KEY_0", "maintenance.autoDetach");
        env.put("GIT_CONFIG_VALUE_0", "false");
        env.put("GIT_CONFIG_KEY_1", "gc.autoDetach");
        env.put("GIT_CONFIG_VALUE_1", "false");
        if (withSikifansoGitConfig) {
            Path config = work.resolve("repo-server-gitconfig");
            Files.writeString(config, gitConfigFromHelmValues(repo));
            Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            String global = gitConfigGlobalFromHelmValues();
            if (global == null) {
                throw new AssertionError("the Argo CD values set no GIT_CONFIG_GLOBAL for the repo-server");
            }
            // The values name the mounted file; here it is the same text at a host path.
            env.put("GIT_CONFIG_GLOBAL", config.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("git as uid 999 did not finish: " + out);
        }
        return new Result(p.exitValue(), out);
    }

    /** Stands in for the bind mount: uid 999 may pass through the test's directories above the repo. */
    private void openParents(Path repo) throws IOException {
        for (Path d = repo.toAbsolutePath().getParent(); d != null && d.getNameCount() > 1; d = d.getParent()) {
            var perms = Files.getPosixFilePermissions(d);
            if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(d, perms);
            }
        }
        var perms = Files.getPosixFilePermissions(work);
        perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(work, perms);
    }
}
