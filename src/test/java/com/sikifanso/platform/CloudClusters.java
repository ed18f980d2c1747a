package com.sikifanso.platform;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Existing clusters as EKS, GKE and AKS report themselves (nodes with their labels and providerID, storage classes,
 * CNI DaemonSets), written into fabric8's mock API server in CRUD mode: no real cloud cluster or kube-apiserver runs
 * here. Also what the Argo CD chart would make there, since Helm is recorded, not run. Objects are created or
 * updated: on a loaded machine the client may retry a POST the server had already taken.
 */
final class CloudClusters {
    static final String EKS = "arn:aws:eks:eu-west-1:123456789012:cluster/prod";
    static final String GKE = "gke_my-project_europe-west1-b_prod";
    static final String AKS = "prod-aks-admin";

    private final KubernetesClient client;

    CloudClusters(KubernetesClient client) {
        this.client = client;
    }

    /** Every context names the same mock server: one API answers for whichever cloud a test shapes. */
    static String kubeconfigWith(String server, String... contexts) {
        StringBuilder out = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: \""
                + server + "\", insecure-skip-tls-verify: true}\nusers:\n- name: u\n  user: {token: test}\n"
                + "contexts:\n");
        for (String c : contexts) {
            out.append("- name: \"").append(c).append("\"\n  context: {cluster: c, user: u}\n");
        }
        return out.append("current-context: \"").append(contexts[contexts.length - 1]).append("\"\n").toString();
    }

    /**
     * What the Argo CD chart makes: its Deployments available (redis too), the application controller (a StatefulSet in
     * argo-helm's argo-cd chart) ready, and the initial admin Secret.
     */
    void argoCdRuns() {
        for (String name : PlatformBootstrap.ARGOCD_DEPLOYMENTS) {
            deployment("argocd", name);
        }
        deployment("argocd", "argocd-redis");
        client.apps().statefulSets().inNamespace("argocd").resource(new StatefulSetBuilder().withNewMetadata()
                .withName("argocd-application-controller").endMetadata().withNewSpec().withReplicas(1).endSpec()
                .withNewStatus().withReadyReplicas(1).withReplicas(1).endStatus().build()).createOr(NonDeletingOperation::update);
        client.secrets().inNamespace("argocd").resource(new SecretBuilder().withNewMetadata()
                .withName(ClusterWaits.ADMIN_SECRET).endMetadata().addToData("password", Base64.getEncoder()
                        .encodeToString("adm1n-pw".getBytes(StandardCharsets.UTF_8))).build()).createOr(NonDeletingOperation::update);
    }

    void deployment(String namespace, String name) {
        client.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder().withNewMetadata()
                .withName(name).endMetadata().withNewSpec().withReplicas(1).endSpec().withNewStatus()
                .withAvailableReplicas(1).withReadyReplicas(1).addNewCondition().withType("Available").withStatus("True").endCondition()
                .endStatus().build()).createOr(NonDeletingOperation::update);
    }

    void node(String name, String providerId, String arch, Map<String, String> labels, int gpus) {
        Map<String, String> all = new HashMap<>(labels);
        all.put("kubernetes.io/arch", arch);
        all.put("kubernetes.io/os", "linux");
        Map<String, Quantity> allocatable = new HashMap<>(Map.of("cpu", new Quantity("3920m"), "memory",
                new Quantity("15Gi")));
        if (gpus > 0) {
            allocatable.put("nvidia.com/gpu", new Quantity(String.valueOf(gpus)));
        }
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).withLabels(all).endMetadata()
                .withNewSpec().withProviderID(providerId).endSpec().withNewStatus().withAllocatable(allocatable)
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus().build()).createOr(NonDeletingOperation::update);
    }

    private void daemonSet(String name) {
        client.apps().daemonSets().inNamespace("kube-system").resource(new DaemonSetBuilder().withNewMetadata()
                .withName(name).endMetadata().build()).createOr(NonDeletingOperation::update);
    }

    void storageClass(String name, String provisioner, boolean isDefault) {
        client.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata().withName(name)
                .addToAnnotations("storageclass.kubernetes.io/is-default-class", String.valueOf(isDefault))
                .endMetadata().withProvisioner(provisioner).build()).createOr(NonDeletingOperation::update);
    }

    /** EKS: the VPC CNI (aws-node), gp2 marked default (EKS before 1.30), EC2 provider IDs. */
    void eks() {
        node("ip-10-0-1-23.eu-west-1.compute.internal", "aws:///eu-west-1a/i-0a1b2c3d4e5f60718", "amd64",
                Map.of("eks.amazonaws.com/nodegroup", "default", "topology.kubernetes.io/zone", "eu-west-1a"), 0);
        node("ip-10-0-2-45.eu-west-1.compute.internal", "aws:///eu-west-1b/i-0f1e2d3c4b5a60718", "amd64",
                Map.of("eks.amazonaws.com/nodegroup", "default", "topology.kubernetes.io/zone", "eu-west-1b"), 0);
        daemonSet("aws-node");
        daemonSet("kube-proxy");
        storageClass("gp2", "kubernetes.io/aws-ebs", true);
    }

    /** GKE with network policy on (calico-node), an Arm node pool and a GPU node, standard-rwo by default. */
    void gke() {
        node("gke-prod-default-pool-1a2b3c4d-x1y2", "gce://my-project/europe-west1-b/gke-prod-default-pool-1a2b3c4d-x1y2",
                "amd64", Map.of("cloud.google.com/gke-nodepool", "default-pool"), 0);
        node("gke-prod-arm-pool-5e6f7a8b-z3w4", "gce://my-project/europe-west1-b/gke-prod-arm-pool-5e6f7a8b-z3w4",
                "arm64", Map.of("cloud.google.com/gke-nodepool", "arm-pool"), 0);
        node("gke-prod-gpu-pool-9c0d1e2f-v5u6", "gce://my-project/europe-west1-b/gke-prod-gpu-pool-9c0d1e2f-v5u6",
                "amd64", Map.of("cloud.google.com/gke-nodepool", "gpu-pool", "cloud.google.com/gke-accelerator",
                        "nvidia-l4"), 1);
        daemonSet("calico-node");
        storageClass("standard", "kubernetes.io/gce-pd", false);
        storageClass("standard-rwo", "pd.csi.storage.gke.io", true);
    }

    /** AKS with Azure CNI powered by Cilium: cilium and azure-cns, the CiliumNetworkPolicy CRD, managed-csi. */
    void aks() {
        node("aks-nodepool1-12345678-vmss000000", "azure:///subscriptions/0000/resourceGroups/mc_prod/providers/"
                + "Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1-12345678-vmss/virtualMachines/0", "amd64",
                Map.of("kubernetes.azure.com/agentpool", "nodepool1"), 0);
        daemonSet("cilium");
        daemonSet("azure-cns");
        client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("ciliumnetworkpolicies.cilium.io").endMetadata().withNewSpec()
                .withGroup("cilium.io").withScope("Namespaced").withNewNames().withKind("CiliumNetworkPolicy")
                .withPlural("ciliumnetworkpolicies").endNames().endSpec().build()).createOr(NonDeletingOperation::update);
        storageClass("managed-csi", "disk.csi.azure.com", true);
    }
}
