package com.sikifanso.argocd;

import com.sikifanso.catalog.SyncTargets;

import com.sikifanso.gitops.SyncTarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepoChangeTargetsTest {
    @Test
    void whatWentAwayDisappearsFirstThenEverythingDefinedConverges() {
        List<SyncTarget> targets = SyncTargets.repoChange(
                Map.of("qdrant", "1-data", "bob", "2-services"),
                Map.of("qdrant", "1-data", "valkey", "1-data"));

        assertThat(targets).containsExactly(
                new SyncTarget(SyncTarget.Kind.DISAPPEAR, List.of(new SyncTarget.App("bob", "2-services"))),
                new SyncTarget(SyncTarget.Kind.APPEAR, List.of(new SyncTarget.App("qdrant", "1-data"),
                        new SyncTarget.App("valkey", "1-data"))));
    }

    @Test
    void aRepoThatDoesNotExistDefinesNothing() {
        assertThat(SyncTargets.applications(Path.of("/nonexistent/gitops"))).isEmpty();
    }
}
