package com.sikifanso.doctor;

import static com.sikifanso.doctor.LabCluster.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

/**
 * The doctor's GPU row for a cluster made with --gpus, against fabric8's mock API server (CRUD; no k3s, GPU or device
 * plugin can run here): the test plays the device plugin by setting the node's allocatable nvidia.com/gpu, as the
 * kubelet reports it once the plugin registered.
 */
class DoctorGpuTest extends HealthyLab {
    @Test
    void aNodeOfferingGpusPasses() {
        lab.gpus("all");
        lab.enable("nvidia-device-plugin");
        offerGpus("k3d-lab-server-0", "2");

        CheckResult r = row(lab.examine(), "GPUs");

        assertThat(r.status()).isEqualTo(Verdict.PASS);
        assertThat(r.message()).isEqualTo("nvidia.com/gpu allocatable on k3d-lab-server-0: 2");
    }

    @Test
    void withoutTheDevicePluginTheFixEnablesIt() {
        lab.gpus("1");

        CheckResult r = row(lab.examine(), "GPUs");

        assertThat(r.status()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).isEqualTo("no node offers nvidia.com/gpu");
        assertThat(r.cause().cli()).isEqualTo("the nodes were made with --gpus 1, but the NVIDIA device plugin, which offers"
                + " their GPUs to pods, is not enabled");
        assertThat(r.fix().cli()).isEqualTo("sikifanso app enable nvidia-device-plugin -c lab");
    }

    @Test
    void aDevicePluginThatSeesNoGpuPointsAtItsLogsAndTheNodeImage() {
        lab.gpus("all");
        lab.enable("nvidia-device-plugin");
        offerGpus("k3d-lab-server-0", "0");

        CheckResult r = row(lab.examine(), "GPUs");

        assertThat(r.status()).isEqualTo(Verdict.FAIL);
        assertThat(r.cause().cli()).startsWith("the nodes were made with --gpus all and the NVIDIA device plugin is enabled,"
                + " but it reports no GPU");
        assertThat(r.fix().cli()).isEqualTo("see what it says: sikifanso app logs nvidia-device-plugin -c lab; nodes need a "
                + "CUDA-enabled k3s image built as k3d's CUDA guide does: sikifanso cluster create NAME --gpus all "
                + "--image IMAGE");
    }

    @Test
    void aClusterWithoutGpusHasNoGpuRow() {
        assertThat(lab.examine().checks()).extracting(CheckResult::name).doesNotContain("GPUs");
    }

    private void offerGpus(String node, String count) {
        Node n = client.nodes().withName(node).get();
        n.getStatus().getAllocatable().put("nvidia.com/gpu", new Quantity(count));
        client.nodes().resource(n).update();
    }
}
