package com.sikifanso.core;

import com.sikifanso.core.ClusterName;
import com.sikifanso.catalog.ProfileSelection;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.RepoSnapshot;
import com.sikifanso.Services;
import com.sikifanso.TestHome;
import com.sikifanso.catalog.CustomApp;
import com.sikifanso.gitops.TemplateSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every name the user gives is a DNS-1123 label, refused with the rule before anything is written. */
class NamesTest {
    private static final String RULE = "a name must be a DNS-1123 label (lowercase letters, digits and '-', "
            + "starting and ending with a letter or digit, at most 63 characters)";
    private static final String SIXTY_FOUR = "a".repeat(64);

    @TempDir
    static Path shared;

    /** One cluster for all cases: a refused name changes nothing, which each case checks. */
    private static TestHome home;

    @BeforeAll
    static void prepareCluster() {
        home = TestHome.withCluster(shared);
    }

    record BadName(String kind, String name, String suggestion, BiConsumer<Services, String> use) {
        @Override
        public String toString() {
            return kind + " \"" + (name.length() > 20 ? name.substring(0, 8) + "...(" + name.length() + ")" : name)
                    + "\"";
        }
    }

    static List<BadName> badNames() {
        List<BadName> cases = new ArrayList<>();
        for (String[] bad : new String[][] {{"Foo_1", "foo-1"}, {"-x", "x"}, {SIXTY_FOUR, "a".repeat(63)},
            {"ends-", "ends"}, {"has space", "has-space"}}) {
            String name = bad[0];
            String suggestion = bad[1];
            cases.add(new BadName("app", name, suggestion, (s, n) -> s.apps().enable(ClusterName.of(CLUSTER), List.of("qdrant", n))));
            cases.add(new BadName("app", name, suggestion, (s, n) -> s.apps().disable(ClusterName.of(CLUSTER), n, true)));
            cases.add(new BadName("app", name, suggestion, (s, n) -> s.apps().remove(ClusterName.of(CLUSTER), n)));
            cases.add(new BadName("app", name, suggestion, (s, n) -> s.apps().add(ClusterName.of(CLUSTER),
                    new CustomApp(n, "https://charts.example", "c", "1.0.0", "ns"), null)));
            cases.add(new BadName("cluster", name, suggestion,
                    (s, n) -> s.clusters().prepare(ClusterName.of(n), new TemplateSource.Embedded(), ProfileSelection.parse("agent-dev"))));
            cases.add(new BadName("cluster", name, suggestion, (s, n) -> s.clusters().delete(ClusterName.of(n))));
            cases.add(new BadName("cluster", name, suggestion, (s, n) -> s.apps().enable(ClusterName.of(n), List.of("qdrant"))));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNames")
    void aBadNameIsRefusedWithTheRuleAndNothingIsWritten(BadName bad) {
        RepoSnapshot before = RepoSnapshot.of(home.git());

        assertThatThrownBy(() -> bad.use().accept(home.services(), bad.name()))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("invalid " + bad.kind() + " name \"" + bad.name() + "\": " + RULE)
                .satisfies(e -> {
                    SikifansoException s = (SikifansoException) e;
                    assertThat(s.exitCode()).isEqualTo(SikifansoException.USAGE);
                    assertThat(s.hint()).isEqualTo("for example: " + bad.suggestion());
                });
        assertThat(RepoSnapshot.of(home.git())).isEqualTo(before);
        assertThat(home.services().sessions().names()).containsExactly(CLUSTER);
    }

    @Test
    void aClusterNameWithAPathInItIsRefusedRatherThanReadingAnotherSession() {
        RepoSnapshot before = RepoSnapshot.of(home.git());

        for (String sneaky : List.of("lab/../lab", "../clusters/lab")) {
            assertThatThrownBy(() -> home.services().apps().enable(ClusterName.of(sneaky), List.of("qdrant")))
                    .hasMessage("invalid cluster name \"" + sneaky + "\": " + RULE);
            assertThatThrownBy(() -> home.services().apps().list(ClusterName.of(sneaky), true))
                    .hasMessageStartingWith("invalid cluster name");
        }
        assertThat(RepoSnapshot.of(home.git())).isEqualTo(before);
    }

    @Test
    void aNamespaceFollowsTheSameRule() {
        assertThatThrownBy(() -> home.services().apps().add(ClusterName.of(CLUSTER),
                new CustomApp("ok", "https://charts.example", "c", "1.0.0", "Bad.NS"), null))
                .hasMessage("invalid namespace name \"Bad.NS\": " + RULE);
    }

    @Test
    void anEmptyNameIsRequired() {
        assertThatThrownBy(() -> Names.requireLabel("agent", ""))
                .hasMessage("agent name is required");
    }

    @Test
    void sixtyThreeCharactersIsTheLongestName(@TempDir Path tmp) {
        String longest = "a".repeat(62) + "1";

        assertThat(Names.isLabel(longest)).isTrue();
        assertThat(Names.isLabel(SIXTY_FOUR)).isFalse();
        assertThat(TestHome.at(tmp).prepare(longest).services().sessions().names()).containsExactly(longest);
    }
}
