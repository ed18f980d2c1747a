package com.sikifanso.cluster;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.DeviceRequest;
import com.sikifanso.core.K3dNames;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * --gpus as k3d passes it: a Docker device request in each k3s node's container spec, read back with docker inspect
 * on the real engine. This machine has no GPU and no NVIDIA runtime, so the nodes are created, not started.
 */
class GpuNodesTest {
    @RegisterExtension
    final DockerClusters engine = new DockerClusters();

    @Test
    void everyK3sNodeAsksDockerForTheGpusAndTheLoadBalancerForNone() {
        String name = engine.clusters().name("gpu");
        K3dNames names = new K3dNames(name);
        NodeLayout.Network network = engine.clusters().nodes().createNetwork(names);
        ClusterPlan plan = new ClusterPlan(ClusterName.of(name), RealDocker.STAND_IN_IMAGE, 2, 0, List.of(), engine.clusters().gitOps(name),
                PortAllocator.DEFAULTS, new ClusterPlan.NodePorts(30082, 30083, 30080, 30081), "t0k3n", false, "test",
                RealDocker.STAND_IN_IMAGE);
        List<NodeSpec> nodes = NodeLayout.nodes(plan, network);

        String server = engine.clusters().nodes().create(nodes.get(0), network, names.network(), false, Gpus.parse("all"));
        String lb = engine.clusters().nodes().create(nodes.get(2), network, names.network(), false, Gpus.parse("2"));

        List<DeviceRequest> requests = engine.docker().inspectContainerCmd(server).exec().getHostConfig().getDeviceRequests();
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.getCount()).isEqualTo(-1);
            assertThat(r.getCapabilities()).containsExactly(List.of("gpu"));
        });
        assertThat(engine.docker().inspectContainerCmd(lb).exec().getHostConfig().getDeviceRequests()).isNullOrEmpty();
        assertThat(Gpus.parse("2").deviceRequest().getCount()).isEqualTo(2);
    }

    @Test
    void aBadGpuCountIsRefusedWithTheFix() {
        assertThatThrownBy(() -> Gpus.parse("two")).hasMessage("--gpus must be all or a number of GPUs, not \"two\"");
        assertThatThrownBy(() -> Gpus.parse("0")).hasMessage("--gpus must be all or a number of GPUs, not \"0\"");
    }
}
