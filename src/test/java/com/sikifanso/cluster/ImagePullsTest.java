package com.sikifanso.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.UpdatingProgress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node image pulls from a real registry (Debian's docker-registry on 127.0.0.1) into the real engine. */
class ImagePullsTest {
    @TempDir
    static Path tmp;

    private static LocalRegistry registry;
    private static String image;

    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final List<String> updates = new CopyOnWriteArrayList<>();
    /** The pull's events rendered as the CLI renders them: steps and notes as lines, the pull's status as updates. */
    private final com.sikifanso.core.Progress progress = com.sikifanso.agui.RunProgress.toLines(new UpdatingProgress() {
        @Override
        public void accept(String step) {
            steps.add(step);
        }

        @Override
        public void update(String line) {
            updates.add(line);
        }
    });
    private ImagePulls pulls;

    @BeforeAll
    static void startRegistry() throws Exception {
        RealDocker.require();
        registry = LocalRegistry.start(tmp.resolve("registry"));
        image = registry.publishStandIn("sikifanso/pulls", "t" + ProcessHandle.current().pid());
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (registry != null) {
            LocalRegistry.removeFromEngine(image);
            registry.close();
        }
    }

    @AfterEach
    void forget() {
        if (image != null) {
            LocalRegistry.removeFromEngine(image);
        }
    }

    private ImagePulls pulls() {
        if (pulls == null) {
            pulls = new ImagePulls(RealDocker.engine(), Map.of("HOME", tmp.toString()));
        }
        return pulls;
    }

    @Test
    void anAbsentImageIsPulledWithItsFiguresAndAPresentOneIsNotPulledAgain() {
        assertThat(pulls().present(image)).isFalse();

        assertThat(pulls().ensure(image, PullPolicy.MISSING, progress)).isTrue();

        assertThat(pulls().present(image)).isTrue();
        assertThat(steps.getFirst()).isEqualTo("pulling " + image);
        assertThat(steps.getLast()).matches("pulled \\Q" + image + "\\E \\(1 layer, \\d+\\.\\d MB in \\d+\\.\\ds\\)");
        assertThat(updates).isNotEmpty()
                .allMatch(u -> u.matches("pulling \\Q" + image + "\\E: [01]/1 layers, \\d+\\.\\d( of \\d+\\.\\d)? MB,"
                        + " \\d+\\.\\d MB/s"));
        assertThat(updates.getLast()).contains("1/1 layers");

        steps.clear();
        assertThat(pulls().ensure(image, PullPolicy.MISSING, progress)).isFalse();
        assertThat(pulls().ensure(image, PullPolicy.NEVER, progress)).isFalse();
        assertThat(steps).isEmpty();
    }

    @Test
    void alwaysPullsAPresentImageAgain() {
        pulls().ensure(image, PullPolicy.MISSING, progress);
        steps.clear();

        assertThat(pulls().ensure(image, PullPolicy.ALWAYS, progress)).isTrue();
        assertThat(steps).first().isEqualTo("pulling " + image);
    }

    @Test
    void neverRefusesAnAbsentImageWithTheFix() {
        assertThatThrownBy(() -> pulls().ensure(image, PullPolicy.NEVER, progress))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("the node image " + image + " is not in Docker, and --pull never forbids pulling it")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .contains("docker pull " + image);
        assertThat(steps).isEmpty();
    }

    @Test
    void anUnknownTagNamesTheImageTheRegistrysAnswerAndTheFix() {
        String unknown = registry.host + "/sikifanso/pulls:no-such-tag";

        assertThatThrownBy(() -> pulls().ensure(unknown, PullPolicy.MISSING, progress))
                .isInstanceOf(SikifansoException.class)
                .hasMessageStartingWith("cannot pull " + unknown + ": " + registry.host + " answered \"")
                .hasMessageContaining("manifest unknown")
                .hasMessageEndingWith("(no such image or tag)")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .contains("--image").contains("infra/platform.yaml");
    }

    @Test
    void anUnreachableRegistrySaysSoAndOffersPullNeverAndAMirror() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        String offline = "127.0.0.1:" + closed + "/rancher/k3s:v1.36.3-k3s1";

        assertThatThrownBy(() -> pulls().ensure(offline, PullPolicy.MISSING, progress))
                .isInstanceOf(SikifansoException.class)
                .hasMessageStartingWith("cannot pull " + offline + ": 127.0.0.1:" + closed + " answered \"")
                .hasMessageContaining("connection refused")
                .hasMessageEndingWith("(registry unreachable)")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .contains("--pull never").contains("--image MIRROR/rancher/k3s:v1.36.3-k3s1")
                .contains("--registry-config FILE");
    }

    @Test
    void registryAnswersThatCannotBeProvokedHereAreClassifiedFromDockersOwnWords() {
        // Docker Hub's answers, verbatim as the engine relays them; no such registry is reachable here.
        ImageReference hub = ImageReference.parse("rancher/k3s:v1.36.3-k3s1");
        assertThat(ImagePulls.PullFailure.of(hub, "rancher/k3s:v1.36.3-k3s1", "toomanyrequests: You have reached"
                + " your pull rate limit. You may increase the limit by authenticating and upgrading", null))
                .hasMessageEndingWith("(rate limited)")
                .extracting(SikifansoException::hint).asString().contains("docker login");
        assertThat(ImagePulls.PullFailure.of(hub, "rancher/k3s:v1.36.3-k3s1", "pull access denied for rancher/k3s,"
                + " repository does not exist or may require 'docker login': denied: requested access to the"
                + " resource is denied", null))
                .hasMessageEndingWith("(not authorised)")
                .extracting(SikifansoException::hint).asString().endsWith("docker login");
        ImageReference ghcr = ImageReference.parse("ghcr.io/acme/k3s:v1");
        assertThat(ImagePulls.PullFailure.of(ghcr, "ghcr.io/acme/k3s:v1", "Head \"https://ghcr.io/v2/acme/k3s/"
                + "manifests/v1\": unauthorized", null))
                .hasMessageEndingWith("(not authorised)")
                .extracting(SikifansoException::hint).asString().endsWith("docker login ghcr.io");
    }
}
