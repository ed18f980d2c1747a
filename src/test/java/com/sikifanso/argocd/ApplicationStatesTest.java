package com.sikifanso.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A list that crosses watch events on its way must not undo them (the race that made sync waits miss apps). */
class ApplicationStatesTest {
    private final ApplicationStates states = new ApplicationStates();

    private static ApplicationState state(String name, String health) {
        return new ApplicationState(name, "Synced", health, null, null);
    }

    @Test
    void anAppCreatedWhileTheListWasOnItsWayIsKept() {
        long askedAt = states.beforeList();
        states.watched("qdrant", state("qdrant", "Progressing"));
        states.listed(askedAt, Map.of());

        assertThat(states.current()).containsKey("qdrant");
    }

    @Test
    void anOlderListedStatusDoesNotReplaceANewerWatchedOne() {
        long askedAt = states.beforeList();
        states.watched("qdrant", state("qdrant", "Healthy"));
        states.listed(askedAt, Map.of("qdrant", state("qdrant", "Progressing")));

        assertThat(states.current().get("qdrant").health()).isEqualTo("Healthy");
    }

    @Test
    void anAppDeletedWhileTheListWasOnItsWayStaysDeleted() {
        states.watched("qdrant", state("qdrant", "Healthy"));
        long askedAt = states.beforeList();
        states.watched("qdrant", null);
        states.listed(askedAt, Map.of("qdrant", state("qdrant", "Healthy")));

        assertThat(states.current()).doesNotContainKey("qdrant");
    }

    @Test
    void aListAfterTheEventsIsTheTruth() {
        states.watched("qdrant", state("qdrant", "Progressing"));
        states.watched("loki", state("loki", "Healthy"));
        long askedAt = states.beforeList();
        states.listed(askedAt, Map.of("qdrant", state("qdrant", "Healthy")));

        assertThat(states.current()).containsOnlyKeys("qdrant");
        assertThat(states.current().get("qdrant").health()).isEqualTo("Healthy");
    }
}
