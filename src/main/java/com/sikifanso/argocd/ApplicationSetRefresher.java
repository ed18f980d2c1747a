package com.sikifanso.argocd;

import com.sikifanso.core.ClusterName;
import com.sikifanso.kube.KubeClients;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ApplicationSets;
import com.sikifanso.gitops.Reconciler;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.SessionStore;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.function.Consumer;

/**
 * Asks the ApplicationSet controller to re-read the repo now, with the refresh annotation it
 * removes once done. A failure only delays the change (Argo CD polls every 3 minutes), so it is a
 * warning, not an error: the commit has landed either way.
 */
public final class ApplicationSetRefresher implements Reconciler {
    static final String REFRESH_PATCH =
            "{\"metadata\":{\"annotations\":{\"argocd.argoproj.io/application-set-refresh\":\"true\"}}}";

    private final SessionStore sessions;
    private final KubeClients clients;
    private final Consumer<String> notices;

    public ApplicationSetRefresher(SessionStore sessions, KubeClients clients, Consumer<String> notices) {
        this.sessions = sessions;
        this.clients = clients;
        this.notices = notices;
    }

    @Override
    public void refresh(ClusterName cluster, String applicationSet) {
        if (sessions.load(cluster).state() != ClusterState.RUNNING) {
            return;
        }
        try (KubernetesClient kube = clients.forCluster(cluster)) {
            GenericKubernetesResource patched = kube.genericKubernetesResources(ArgoCdResources.APPLICATION_SET)
                    .inNamespace(ApplicationSets.NAMESPACE).withName(applicationSet)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), REFRESH_PATCH);
            notices.accept("Argo CD: asked ApplicationSet " + patched.getMetadata().getName() + " to refresh");
        } catch (KubernetesClientException e) {
            warn(applicationSet, e.getCode() == 0 ? e.getMessage() : "HTTP " + e.getCode());
        } catch (SikifansoException e) {
            // No client at all (e.g. the kubeconfig entry is gone): the commit still stands.
            warn(applicationSet, e.getMessage());
        }
    }

    private void warn(String applicationSet, String why) {
        notices.accept("warning: committed, but could not ask Argo CD to refresh ApplicationSet " + applicationSet
                + " (" + why + "); it picks the change up within 3 minutes");
    }
}
