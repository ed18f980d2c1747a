package com.sikifanso.cli;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.GitCli;
import com.sikifanso.TestHome;
import com.sikifanso.core.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at a random moment of a change: afterwards HEAD, the working tree ({@code git
 * status} by the real git) and what the tool answers agree. A third of the kills come at any moment
 * of the command; the rest a few milliseconds after its first write into the repo, so they land
 * inside the change rather than in the JVM's start-up. The moments are random, so the seed
 * is printed; set {@code -Dsikifanso.killSeed=N} to replay a run.
 */
class KilledChangesTest {
    private static final int ROUNDS = 15;
    /** On a loaded machine the loop stops early (after at least MIN_ROUNDS), so the test stays near a minute. */
    private static final int MIN_ROUNDS = 6;
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(45);
    private static final List<String> APPS = List.of("qdrant", "ollama", "langfuse", "valkey", "litellm-proxy");

    @TempDir
    Path tmp;

    @Test
    void aChangeKilledAtAnyMomentLeavesHeadTheFilesAndTheAnswersInAgreement() throws Exception {
        long seed = Long.getLong("sikifanso.killSeed", System.nanoTime());
        System.out.println("KilledChangesTest seed: " + seed + " (replay with -Dsikifanso.killSeed=" + seed + ")");
        Random random = new Random(seed);
        TestHome home = TestHome.withCluster(tmp.resolve("home"));
        home.services().snapshots().capture(ClusterName.of(CLUSTER), "base", false);
        SikifansoProcess sikifanso = new SikifansoProcess(home.root());
        GitCli git = home.git();
        // How long a whole change takes here, so the kills spread over start-up, the change and the commit.
        long started = System.nanoTime();
        assertThat(sikifanso.run("-c", CLUSTER, "app", "enable", "qdrant", "--no-wait").exitCode()).isZero();
        long fullMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        WatchService watch = watch(home.gitOps());
        long loopStarted = System.nanoTime();
        int killed = 0;
        int recovered = 0;
        int round = 0;
        for (; round < ROUNDS && (round < MIN_ROUNDS || System.nanoTime() - loopStarted < BUDGET_NANOS); round++) {
            String[] command = command(random, round);
            long delay = (long) (fullMillis * (0.4 + 0.7 * random.nextDouble()));
            drain(watch);
            Process p = sikifanso.start(Map.of(), tmp.resolve("out"), tmp.resolve("err"), command);
            boolean finished;
            if (round % 3 == 0) {
                // At any moment: start-up, reading, or the change.
                finished = p.waitFor(delay, TimeUnit.MILLISECONDS);
            } else {
                // Within the change: a few milliseconds after its first write into the repo.
                delay = random.nextInt(25);
                finished = !firstWrite(watch, p) || p.waitFor(delay, TimeUnit.MILLISECONDS);
            }
            p.destroyForcibly().waitFor();
            killed += finished ? 0 : 1;
            String what = "round " + round + " (seed " + seed + "): " + String.join(" ", command)
                    + (finished ? " finished" : " killed after " + delay + " ms");

            SikifansoProcess.Result apps = sikifanso.run("-c", CLUSTER, "app", "list", "-o", "json");
            assertThat(apps.exitCode()).as(what + "\n" + apps).isZero();
            recovered += apps.stderr().contains("the interrupted change") ? 1 : 0;
            assertThat(git.status()).as(what + ": git status after the next command").isEmpty();
            assertThat(enabledCatalogApps(apps.stdout())).as(what + ": app list vs HEAD")
                    .isEqualTo(enabledAtHead(git));
            // One JVM per round for the answers keeps the loop short; agents are asked in-process.
            assertThat(new TreeSet<>(home.services().agents().list(ClusterName.of(CLUSTER)).stream().map(a -> a.name()).toList()))
                    .as(what + ": agent list vs HEAD").isEqualTo(agentsAtHead(git));
            assertThat(Files.exists(home.gitOps().resolve(".git/sikifanso-change"))).as(what).isFalse();
        }
        System.out.println("KilledChangesTest: " + round + " rounds, " + killed + " killed mid-run, " + recovered
                + " interrupted changes recovered by the next command");
    }

    /** Watches the repo's directories (and .git) for the first write of a change. */
    private static WatchService watch(Path repo) throws IOException {
        WatchService watch = repo.getFileSystem().newWatchService();
        for (String dir : List.of("", ".git", "catalog", "agents", "agents/values", "apps", "apps/coordinates",
                "apps/values")) {
            Path d = repo.resolve(dir);
            Files.createDirectories(d);
            d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        return watch;
    }

    private static void drain(WatchService watch) {
        for (WatchKey key = watch.poll(); key != null; key = watch.poll()) {
            key.pollEvents();
            key.reset();
        }
    }

    /** Waits until the process writes into the repo; false when it ended first. */
    private static boolean firstWrite(WatchService watch, Process p) throws InterruptedException {
        while (p.isAlive()) {
            WatchKey key = watch.poll(5, TimeUnit.MILLISECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
                return true;
            }
        }
        return false;
    }

    private static String[] command(Random random, int round) {
        return switch (random.nextInt(3)) {
            case 0 -> new String[] {"-c", CLUSTER, "app", "enable", APPS.get(random.nextInt(APPS.size())), "--no-wait"};
            case 1 -> new String[] {"-c", CLUSTER, "agent", "create", "agent-" + round, "--no-wait"};
            default -> new String[] {"-c", CLUSTER, "snapshot", "restore", "base", "--no-wait"};
        };
    }

    private static TreeSet<String> enabledCatalogApps(String json) throws Exception {
        TreeSet<String> enabled = new TreeSet<>();
        for (JsonNode row : Mappers.JSON.readTree(json).path("apps")) {
            if (row.path("enabled").asBoolean() && "catalog".equals(row.path("source").asText())) {
                enabled.add(row.path("name").asText());
            }
        }
        return enabled;
    }

    private static TreeSet<String> enabledAtHead(GitCli git) {
        TreeSet<String> enabled = new TreeSet<>();
        for (String file : git.run("ls-tree", "--name-only", "HEAD", "catalog/").lines().toList()) {
            if (git.run("show", "HEAD:" + file).lines().anyMatch(l -> l.strip().equals("enabled: true"))) {
                enabled.add(file.substring("catalog/".length(), file.length() - ".yaml".length()));
            }
        }
        return enabled;
    }

    private static TreeSet<String> agentsAtHead(GitCli git) {
        TreeSet<String> names = new TreeSet<>();
        git.run("ls-tree", "--name-only", "HEAD", "agents/").lines().filter(f -> f.endsWith(".yaml"))
                .forEach(f -> names.add(f.substring("agents/".length(), f.length() - ".yaml".length())));
        return names;
    }
}
