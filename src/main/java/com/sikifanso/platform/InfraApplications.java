package com.sikifanso.platform;

import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.core.SikifansoException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Puts {@link InfraApplication}s in the cluster: created when missing, their spec replaced when present. */
public final class InfraApplications {
    private InfraApplications() {
    }

    /** Returns true when the Application was created, false when an existing one was updated. */
    public static boolean put(KubernetesClient kube, InfraApplication app) {
        GenericKubernetesResource wanted = KubeObjects.generic(kube, app);
        var applications = kube.genericKubernetesResources(ArgoCdResources.APPLICATION)
                .inNamespace(app.metadata().namespace());
        try {
            GenericKubernetesResource existing = applications.withName(app.name()).get();
            if (existing == null) {
                applications.resource(wanted).create();
                return true;
            }
            applications.withName(app.name()).edit(current -> {
                current.setAdditionalProperty("spec", wanted.getAdditionalProperties().get("spec"));
                return current;
            });
            return false;
        } catch (KubernetesClientException e) {
            throw SikifansoException.failure("cannot write the Argo CD Application " + app.name() + ": HTTP "
                    + e.getCode() + " " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    "check that Argo CD is installed: kubectl -n argocd get applications --context <k3d-cluster>", e);
        }
    }
}
