package com.sikifanso.argocd;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** Argo CD's custom resources, named fully so no API discovery round trip is needed. */
public final class ArgoCdResources {
    public static final ResourceDefinitionContext APPLICATION_SET = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io").withVersion("v1alpha1").withKind("ApplicationSet")
            .withPlural("applicationsets").withNamespaced(true).build();
    public static final ResourceDefinitionContext APPLICATION = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io").withVersion("v1alpha1").withKind("Application")
            .withPlural("applications").withNamespaced(true).build();

    public static final ResourceDefinitionContext APP_PROJECT = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io").withVersion("v1alpha1").withKind("AppProject")
            .withPlural("appprojects").withNamespaced(true).build();

    private ArgoCdResources() {
    }
}
