package com.sikifanso.platform;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.infra.InfraConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After {@code cluster start}: is Cilium, per the Application the bootstrap wrote, still pointed at
 * server-0's address? Against fabric8's mock API server (CRUD); no real Cilium runs here.
 */
@EnableKubernetesMockClient(crud = true)
class CiliumApiAddressTest {
    KubernetesClient client;

    private final InfraConfig infra = TestInfra.withNodePorts(30082, 30083, 30080, 30081);
    private final List<String> progress = new ArrayList<>();

    private void installedAt(String address) {
        InfraApplications.put(client, InfraApplication.cilium(infra.cilium(), "1.19.6",
                HelmValues.cilium(infra, address)));
    }

    private PlatformBootstrap bootstrap() {
        return new PlatformBootstrap(null, null, null, null, PlatformBootstrap.Timeouts.DEFAULTS, Clock.systemUTC(),
                cluster -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build());
    }

    @Test
    void theAddressCiliumWasInstalledWithIsReadFromItsApplication() {
        installedAt("172.19.0.3");

        assertThat(CiliumApiAddress.configured(client, "cilium")).contains("172.19.0.3");
        assertThat(CiliumApiAddress.check(client, ClusterName.of("lab"), "cilium", "172.19.0.3")).isEmpty();
    }

    @Test
    void aStartWhereServer0MovedWarnsWithTheCommandsThatRepointCilium() {
        installedAt("172.19.0.2");

        bootstrap().checkStarted(ClusterName.of("lab"), "172.19.0.5", com.sikifanso.agui.RunProgress.toLines(progress::add));

        assertThat(progress).singleElement().asString()
                .startsWith("warning: Cilium reaches the API server at 172.19.0.2:6443, but server-0 is now at "
                        + "172.19.0.5, so Cilium loses the API server and pod networking stops\n  fix: point Cilium "
                        + "at it: helm upgrade cilium cilium/cilium -n kube-system --kube-context k3d-lab "
                        + "--reuse-values --set k8sServiceHost=172.19.0.5")
                .contains("patch application cilium --type merge -p '{\"spec\":{\"source\":{\"helm\":"
                        + "{\"valuesObject\":{\"k8sServiceHost\":\"172.19.0.5\"}}}}}'");
    }

    @Test
    void aStartWhereTheAddressesAgreeSaysNothing() {
        installedAt("172.19.0.3");

        bootstrap().checkStarted(ClusterName.of("lab"), "172.19.0.3", com.sikifanso.agui.RunProgress.toLines(progress::add));

        assertThat(progress).isEmpty();
    }

    @Test
    void withoutACiliumApplicationThereIsNothingToCompare() {
        assertThat(CiliumApiAddress.check(client, ClusterName.of("lab"), "cilium", "172.19.0.3")).isEmpty();
    }
}
