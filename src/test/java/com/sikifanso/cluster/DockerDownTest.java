package com.sikifanso.cluster;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no engine at DOCKER_HOST: one sentence with the fix, and nothing written. Needs no Docker. */
class DockerDownTest {
    @TempDir
    Path tmp;

    @Test
    void aClosedUnixSocketSaysDockerIsNotRunningAndHowToStartIt() {
        String host = "unix://" + tmp.resolve("docker.sock");
        TestClusters clusters = TestClusters.at(tmp, Map.of("DOCKER_HOST", host));

        assertThatThrownBy(() -> clusters.create("lab"))
                .isInstanceOf(SikifansoException.class)
                .hasMessageStartingWith("Docker is not running (nothing answers at " + host)
                .extracting(e -> ((SikifansoException) e).hint())
                .isEqualTo("start it with systemctl start docker (Linux) or open -a Docker (macOS), or point"
                        + " DOCKER_HOST at a running engine");
        assertThat(clusters.home.resolve("clusters").resolve("lab")).doesNotExist();
    }

    @Test
    void aClosedTcpPortSaysTheSame() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String host = "tcp://127.0.0.1:" + port;
        TestClusters clusters = TestClusters.at(tmp, Map.of("DOCKER_HOST", host));

        assertThatThrownBy(() -> clusters.create("lab"))
                .hasMessageStartingWith("Docker is not running (nothing answers at " + host);
    }

    @Test
    void aDockerHostThatIsNoAddressIsNamedAsSuchNotAsAStoppedEngine() {
        // Before: docker-java's NullPointerException text, reported as "Docker is not running".
        for (String host : new String[] {"bogus", "tcp://", "unix://", "http//localhost:2375"}) {
            TestClusters clusters = TestClusters.at(tmp.resolve(String.valueOf(host.hashCode())),
                    Map.of("DOCKER_HOST", host));
            assertThatThrownBy(() -> clusters.create("lab")).as(host)
                    .isInstanceOfSatisfying(SikifansoException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("DOCKER_HOST \"" + host + "\" is not a Docker address");
                        assertThat(e.hint()).startsWith("use unix:///PATH (e.g. unix:///var/run/docker.sock), "
                                + "tcp://HOST:PORT");
                        assertThat(e.exitCode()).isEqualTo(SikifansoException.USAGE);
                    });
            assertThat(clusters.home.resolve("clusters").resolve("lab")).doesNotExist();
        }
        TestClusters ssh = TestClusters.at(tmp.resolve("ssh"), Map.of("DOCKER_HOST", "ssh://me@build-box"));
        assertThatThrownBy(() -> ssh.create("lab")).hasMessage("DOCKER_HOST \"ssh://me@build-box\" is an ssh:// "
                + "address, which sikifanso cannot dial").extracting(e -> ((SikifansoException) e).hint()).asString()
                .contains("ssh -nNT -L /tmp/docker.sock:/var/run/docker.sock me@build-box");
    }

    @Test
    void infoStillListsClustersAndSaysWhyTheLiveStateIsUnknown() {
        TestClusters clusters = TestClusters.at(tmp, Map.of("DOCKER_HOST", "unix://" + tmp.resolve("none.sock")));
        clusters.service().prepare(ClusterName.of("lab"), new com.sikifanso.gitops.TemplateSource.Embedded(), null);

        ClusterService.Overview overview = clusters.service().overview();

        assertThat(overview.dockerError()).startsWith("Docker is not running");
        assertThat(overview.clusters()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("lab");
            assertThat(l.docker()).isNull();
        });
    }

    @Test
    void aPreparedClusterCanBeDeletedWithoutDocker() {
        TestClusters clusters = TestClusters.at(tmp, Map.of("DOCKER_HOST", "unix://" + tmp.resolve("none.sock")));
        clusters.service().prepare(ClusterName.of("lab"), new com.sikifanso.gitops.TemplateSource.Embedded(), null);

        clusters.service().delete(ClusterName.of("lab"), com.sikifanso.agui.RunProgress.toLines(clusters.progress::add));

        assertThat(clusters.home.resolve("clusters").resolve("lab")).doesNotExist();
        assertThat(clusters.progress).anyMatch(l -> l.startsWith("skipping Docker: Docker is not running"));
    }
}
