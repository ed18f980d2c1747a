package com.sikifanso.gitops;

import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code git} program, for what talks to a remote: fetch and push go through the user's own git so that their
 * credential helpers, {@code ~/.ssh}, ssh-agent and proxy settings apply as they do at their terminal, and nothing
 * of them is stored by sikifanso. Never interactive: a missing credential fails instead of waiting for a prompt
 * nobody sees.
 */
final class GitProcess {
    /** Where a token for https remotes may be given; handed to git through a credential helper, never stored. */
    static final String TOKEN_VARIABLE = "SIKIFANSO_GIT_TOKEN";

    record Result(int exitCode, String out, String err) {
        boolean ok() {
            return exitCode == 0;
        }

        /**
         * Git's reason: its first {@code fatal:} or {@code error:} line, without the prefix, as the advice git adds
         * after it ("Please make sure you have the correct access rights / and the repository exists.") names nothing;
         * else the last line it wrote to stderr, without the progress lines before it.
         */
        String reason() {
            String[] lines = err.strip().split("\n");
            for (String line : lines) {
                String l = line.strip();
                if (l.startsWith("fatal: ") || l.startsWith("error: ")) {
                    return l.substring(l.indexOf(' ') + 1);
                }
            }
            for (int i = lines.length - 1; i >= 0; i--) {
                if (!lines[i].isBlank()) {
                    return lines[i].strip();
                }
            }
            return "git exited " + exitCode;
        }
    }

    private final Path dir;
    private final Map<String, String> env;
    private final Duration timeout;

    GitProcess(Path dir, Map<String, String> env, Duration timeout) {
        this.dir = dir;
        this.env = env;
        this.timeout = timeout;
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    /** As {@link #run}, writing {@code input} to git's standard input (git credential reads its question there). */
    Result runWithInput(String input, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(env);
        // A caller's environment without PATH (a test's, a GUI's) still finds git where this JVM would.
        environment.putIfAbsent("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        // Replaying commits on what the remote has makes commits: committed by sikifanso when git knows nobody.
        environment.putIfAbsent("GIT_COMMITTER_NAME", GitOpsRepo.AUTHOR_NAME);
        environment.putIfAbsent("GIT_COMMITTER_EMAIL", GitOpsRepo.AUTHOR_EMAIL);
        environment.put("GIT_TERMINAL_PROMPT", "0");
        environment.putIfAbsent("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        environment.put("LC_ALL", "C");   // messages parsed below are git's English ones
        String token = env.get(TOKEN_VARIABLE);
        if (token != null && !token.isBlank()) {
            addConfig(environment, "credential.helper",
                    "!f() { echo username=x-access-token; echo \"password=$" + TOKEN_VARIABLE + "\"; }; f");
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw SikifansoException.failure("cannot run git: " + e.getMessage(),
                    "install git (e.g. apt-get install git); a GitOps remote is reached through it", e);
        }
        try {
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw SikifansoException.failure("git " + args[0] + " did not finish within " + timeout.toSeconds()
                        + " s", "check that the remote is reachable (git -C " + dir + " " + args[0] + ")");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw SikifansoException.failure("cannot talk to git: " + e.getMessage(), "run it again", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw SikifansoException.failure("interrupted while git " + args[0] + " ran", "run it again", e);
        }
    }

    /** As {@link #run}, failing with git's reason and {@code fix} when git fails. */
    Result require(String fix, String... args) {
        Result result = run(args);
        if (!result.ok()) {
            throw SikifansoException.failure("git " + args[0] + " failed: " + RemoteUrls.masked(result.reason()), fix);
        }
        return result;
    }

    /** Adds one git setting for this process only (git's GIT_CONFIG_COUNT protocol), after any the user set so. */
    private static void addConfig(Map<String, String> environment, String key, String value) {
        int n = Integer.parseInt(environment.getOrDefault("GIT_CONFIG_COUNT", "0"));
        environment.put("GIT_CONFIG_KEY_" + n, key);
        environment.put("GIT_CONFIG_VALUE_" + n, value);
        environment.put("GIT_CONFIG_COUNT", String.valueOf(n + 1));
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
