package com.sikifanso.cli;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.RepoSnapshot;
import com.sikifanso.TestHome;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutations of one cluster from two processes are serialised by {@code locks/<cluster>.lock}:
 * the second waits, then either proceeds or gives up with a clear message.
 */
class ConcurrentCommandsTest {
    private static final String BUSY = "Error: another sikifanso command is still changing cluster \"lab\"";
    private static final String WAITING = "waiting for another sikifanso command to finish with cluster \"lab\"";

    @TempDir
    Path tmp;

    private TestHome home;
    private SikifansoProcess sikifanso;
    private Path lockFile;

    @BeforeEach
    void prepareCluster() {
        home = TestHome.withCluster(tmp.resolve("home"));
        sikifanso = new SikifansoProcess(home.root());
        lockFile = home.root().resolve("locks").resolve(CLUSTER + ".lock");
    }

    /** Holds the cluster's lock the way another sikifanso process would, until closed. */
    private FileChannel holdLock() throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.lock();
        return channel;
    }

    @Test
    void aCommandThatCannotGetTheLockInTimeFailsAndChangesNothing() throws IOException {
        RepoSnapshot before = RepoSnapshot.of(home.git());
        SikifansoProcess.Result r;
        long started = System.nanoTime();
        try (FileChannel held = holdLock()) {
            r = sikifanso.run("--lock-timeout", "1s", "-c", CLUSTER, "app", "enable", "qdrant");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo(WAITING + " (up to 1s)\n"
                + BUSY + " (it holds " + lockFile + ")\n"
                + "  wait for it to finish and retry, or give it longer with --lock-timeout (now 1s)\n");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(RepoSnapshot.of(home.git())).isEqualTo(before);
    }

    @Test
    void aWaitingCommandProceedsOnceTheLockIsReleased() throws Exception {
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process second;
        try (FileChannel held = holdLock()) {
            second = sikifanso.start(Map.of(), out, err, "--lock-timeout", "60s", "-c", CLUSTER, "app", "enable",
                    "qdrant");
            awaitText(err, WAITING, second);
            assertThat(second.isAlive()).as("still waiting for the lock").isTrue();
            assertThat(home.git().subjects()).hasSize(1);
        }

        SikifansoProcess.Result r = SikifansoProcess.finish(second, out, err);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stderr()).startsWith(WAITING + " (up to 60s)\n").doesNotContain("Error");
        assertThat(r.stdout()).startsWith("enabled: qdrant (commit ");
        assertThat(home.git().subjects()).hasSize(2).first().isEqualTo("catalog: enable qdrant");
        assertThat(home.git().status()).isEmpty();
    }

    @Test
    void twoConcurrentEnablesOfDifferentAppsBothCommit() throws Exception {
        Path out1 = tmp.resolve("out1.txt");
        Path err1 = tmp.resolve("err1.txt");
        Path out2 = tmp.resolve("out2.txt");
        Path err2 = tmp.resolve("err2.txt");

        Process first = sikifanso.start(Map.of(), out1, err1, "-c", CLUSTER, "app", "enable", "qdrant");
        Process second = sikifanso.start(Map.of(), out2, err2, "-c", CLUSTER, "app", "enable", "ollama");
        SikifansoProcess.Result r1 = SikifansoProcess.finish(first, out1, err1);
        SikifansoProcess.Result r2 = SikifansoProcess.finish(second, out2, err2);

        assertThat(r1.exitCode()).as(r1.toString()).isZero();
        assertThat(r2.exitCode()).as(r2.toString()).isZero();
        assertThat(home.git().subjects()).hasSize(3)
                .contains("catalog: enable qdrant", "catalog: enable ollama");
        assertThat(home.git().status()).isEmpty();
        assertThat(home.services().apps().list(ClusterName.of(CLUSTER), false))
                .extracting(r -> r.name()).containsExactlyInAnyOrder("qdrant", "ollama");
    }

    private static void awaitText(Path file, String text, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("sikifanso exited (" + process.exitValue() + ") before waiting: "
                        + Files.readString(file));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("sikifanso did not say it was waiting: " + Files.readString(file));
    }
}
