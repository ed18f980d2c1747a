package com.sikifanso.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.CrdSchema;
import com.sikifanso.core.Mappers;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reading the catalog ApplicationSet's RollingSync status. The status shapes follow argo-cd v3.4.5
 * (pkg/apis/application/v1alpha1 ApplicationSetApplicationStatus; the step is 1-based, written by the
 * applicationset controller) and are validated against the vendored ApplicationSet CRD.
 */
public class CatalogRolloutTest {
    /** The template's catalog ApplicationSet with {@code status.applicationStatus}: app, step, status, message. */
    public static GenericKubernetesResource catalogWithStatus(String... rows) {
        try {
            ObjectNode set = (ObjectNode) Mappers.YAML.readTree(
                    Path.of("src/main/resources/bootstrap/bootstrap/root-catalog.yaml").toFile());
            ArrayNode statuses = set.putObject("status").putArray("applicationStatus");
            for (int i = 0; i < rows.length; i += 4) {
                statuses.addObject().put("application", rows[i]).put("step", rows[i + 1]).put("status", rows[i + 2])
                        .put("message", rows[i + 3]).put("lastTransitionTime", "2026-11-29T10:00:00Z")
                        .putArray("targetRevisions").add("1.0.0");
            }
            return Mappers.JSON.treeToValue(set, GenericKubernetesResource.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CatalogRollout rollout(String... rows) {
        return CatalogRollout.of(Mappers.JSON.valueToTree(catalogWithStatus(rows)));
    }

    @Test
    void theStatusThisTestWritesIsWhatTheApplicationSetCrdAccepts() {
        assertThat(CrdSchema.argoCdApplicationSet().violations(Mappers.JSON.valueToTree(catalogWithStatus(
                "qdrant", "2", "Healthy", "Application resource became Healthy")))).isEmpty();
    }

    @Test
    void aWaitingAppIsHeldBackByTheFirstUnhealthyAppOfTheEarliestEarlierTier() {
        CatalogRollout rollout = rollout(
                "qdrant", "2", "Progressing", "",
                "cnpg-operator", "1", "Pending", "Application moved to Pending status",
                "alloy", "3", "Waiting", "");

        assertThat(rollout.blockerOf("alloy")).contains(new CatalogRollout.Blocker("alloy", "cnpg-operator",
                "0-operators", "Pending", "Application moved to Pending status"));
        assertThat(rollout.blockerOf("qdrant")).as("not Waiting: it is being synced").isEmpty();
    }

    @Test
    void nothingHoldsBackAnAppWhoseEarlierTiersAreHealthyOrThatIsNotInTheRollout() {
        CatalogRollout rollout = rollout(
                "cnpg-operator", "1", "Healthy", "",
                "alloy", "3", "Waiting", "");

        assertThat(rollout.blockerOf("alloy")).isEmpty();
        assertThat(rollout.blockerOf("tempo")).isEmpty();
        assertThat(CatalogRollout.none().blockerOf("alloy")).isEmpty();
    }
}
