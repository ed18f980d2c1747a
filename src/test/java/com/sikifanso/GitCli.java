package com.sikifanso;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code git} command line, to see a GitOps repo exactly as a user would. Global and
 * system configuration are ignored so the machine's settings cannot change what it shows.
 */
public record GitCli(Path dir) {

    /** {@code git log --format=FORMAT}, newest first, one entry per line. */
    public List<String> log(String format) {
        return run("log", "--format=" + format).lines().toList();
    }

    /** Subjects of all commits, newest first. */
    public List<String> subjects() {
        return log("%s");
    }

    public String head() {
        return run("rev-parse", "HEAD").strip();
    }

    /** {@code git status --porcelain}, untracked files included: empty when the repo is clean. */
    public String status() {
        return run("status", "--porcelain", "--untracked-files=all");
    }

    /** Files tracked at HEAD. */
    public List<String> files() {
        return run("ls-files").lines().toList();
    }

    /** Paths the last commit touched. */
    public List<String> filesInHead() {
        return run("show", "--name-only", "--format=", "HEAD").lines().filter(l -> !l.isBlank()).toList();
    }

    /** Commits every change in the working tree, as a user editing the repo by hand would. */
    public void commitAll(String message) {
        run("add", "-A");
        run("-c", "user.name=Test User", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
    }

    public String run(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("LC_ALL", "C");
        try {
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("git " + String.join(" ", args) + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("git " + String.join(" ", args) + " failed (" + p.exitValue() + "): "
                        + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run git", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running git", e);
        }
    }
}
