package com.sikifanso.agents.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.agents.probe.Destination.Check;
import com.sikifanso.agents.probe.Destination.Expect;
import com.sikifanso.agents.probe.Destination.Where;
import com.sikifanso.agents.probe.ProbeScript.Observed;
import com.sikifanso.cluster.RealDocker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The probe's script run by real busybox (the stand-in node image's, 1.35, without {@code nc -z}) in a container
 * with no network but loopback, and its log read back: the shell syntax, and busybox's own words for a connection,
 * a refusal, an unreachable address and a name that does not resolve. What Cilium does to these packets cannot be
 * shown here (no k3s or Cilium runs); AgentProbeTest covers the pod and the table.
 */
class ProbeScriptBusyboxTest {
    @BeforeAll
    static void docker() {
        RealDocker.require();
    }

    private static ProbeTarget tcp(String id, String host, int port) {
        return ProbeTarget.at(id, Destination.connect(id, Where.NAME, host, Map.of(), port, Expect.BLOCKED, "r"), host,
                port);
    }

    @Test
    void busyboxOutputIsReadIntoWhatEachTryShowed() throws Exception {
        List<ProbeTarget> targets = List.of(
                tcp("r01", "127.0.0.1", 8080),
                tcp("r02", "127.0.0.1", 8081),
                tcp("r03", "10.1.2.3", 443),
                tcp("r04", "no.such.host.invalid", 443),
                ProbeTarget.at("r05", new Destination("dns", Check.RESOLVE, Where.NAME, "kubernetes.default", Map.of(),
                        0, Expect.REACH, "r"), "kubernetes.default", 0));
        // A listener for r01 first; the rest of the script is exactly what the probe pod runs.
        String script = "nc -l -p 8080 </dev/null & sleep 1\n" + ProbeScript.of(targets);
        String name = "sikifanso-probe-script-" + ProcessHandle.current().pid();
        Process docker = new ProcessBuilder("docker", "run", "--rm", "--name", name, "--network", "none",
                "--entrypoint", "/bin/sh", RealDocker.STAND_IN_IMAGE, "-c", script).redirectErrorStream(true).start();
        assertThat(docker.waitFor(60, TimeUnit.SECONDS)).as("the script ends").isTrue();
        String log = new String(docker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ProbeScript.finished(log)).as(log).isTrue();
        Map<String, ProbeScript.Outcome> outcomes = ProbeScript.parse(log, targets);
        assertThat(outcomes).as(log).hasSize(5);
        assertThat(outcomes.get("r01").observed()).as(log).isEqualTo(Observed.connected);
        assertThat(outcomes.get("r02").observed()).as(log).isEqualTo(Observed.refused);
        assertThat(outcomes.get("r03").observed()).as(log).isEqualTo(Observed.no_answer);
        assertThat(outcomes.get("r04").observed()).as(log).isEqualTo(Observed.not_resolved);
        assertThat(outcomes.get("r05").observed()).as(log).isEqualTo(Observed.not_resolved);
    }

    @Test
    void aHostThatIsNotAPlainNameNeverReachesTheShell() throws IOException {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProbeScript.of(List.of(tcp("r01", "x;reboot", 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
