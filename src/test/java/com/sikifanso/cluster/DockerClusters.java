package com.sikifanso.cluster;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up every test on the real Docker engine shares ({@code @RegisterExtension}): the engine required (the test
 * is skipped loudly without one), {@link TestClusters} on a fresh home per test, and every cluster they named removed
 * from Docker afterwards, whatever the test did.
 */
final class DockerClusters implements BeforeEachCallback, AfterEachCallback {
    private final List<TestClusters> made = new ArrayList<>();
    private Path dir;
    private TestClusters clusters;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        RealDocker.require();
        dir = Files.createTempDirectory("sikifanso-docker-test");
        clusters = clustersWith(Map.of());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        made.forEach(TestClusters::removeAll);
        made.clear();
        if (dir != null) {
            deleteTree(dir);
        }
    }

    /** The clusters of this test, on the real engine, with the recording bootstrap. */
    TestClusters clusters() {
        return clusters;
    }

    /** Clusters over the same home with {@code env} laid over the engine's; removed afterwards as well. */
    TestClusters clustersWith(Map<String, String> env) {
        TestClusters more = TestClusters.at(dir, env);
        made.add(more);
        return more;
    }

    DockerClient docker() {
        return RealDocker.client();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
