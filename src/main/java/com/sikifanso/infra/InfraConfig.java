package com.sikifanso.infra;

import com.fasterxml.jackson.databind.JsonNode;

/** A cluster's infrastructure settings: the defaults in the jar with its repo's {@code infra/} overrides. */
public record InfraConfig(Platform platform, ChartCoordinates cilium, ChartCoordinates argocd,
                          JsonNode ciliumValues, JsonNode argocdValues) {
}
