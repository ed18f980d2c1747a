package com.sikifanso.kube;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An existing cluster sikifanso was attached to ({@code clusters/<name>/attachment.yaml}): where its API is reached
 * (the user's kubeconfig file and context, never copied), what attach found, and exactly what it installed, which is
 * what detach removes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attachment(String kubeconfig, String context, Instant attachedAt, ClusterFacts facts,
                         Installed installed) {

    /**
     * @param argocdRelease the Helm release of Argo CD attach installed (namespace/name); null when it used one there
     * @param applicationSets the root ApplicationSets it applied, in Argo CD's namespace
     * @param repositorySecret Argo CD's repository Secret it wrote; null when it wrote none
     * @param namespaceCreated whether Argo CD's namespace was made by this attach (Helm's --create-namespace)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Installed(String argocdNamespace, String argocdRelease, List<String> applicationSets,
                            String repositorySecret, boolean namespaceCreated) {
        public List<String> describe() {
            List<String> parts = new java.util.ArrayList<>();
            if (namespaceCreated) {
                parts.add("Namespace " + argocdNamespace);
            }
            if (argocdRelease != null) {
                parts.add("Argo CD (Helm release " + argocdNamespace + "/" + argocdRelease + ")");
            }
            applicationSets.forEach(s -> parts.add("ApplicationSet " + argocdNamespace + "/" + s));
            if (repositorySecret != null) {
                parts.add("Secret " + argocdNamespace + "/" + repositorySecret);
            }
            return parts;
        }
    }
}
