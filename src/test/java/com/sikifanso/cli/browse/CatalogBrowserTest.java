package com.sikifanso.cli.browse;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.cli.browse.CatalogBrowser.Decision;
import com.sikifanso.cli.browse.CatalogBrowser.Row;
import com.sikifanso.cli.browse.CatalogBrowser.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The browser's model without a terminal: staging with dependencies, refused disables, search, apply, cancel. */
class CatalogBrowserTest {
    /**
     * gateway needs db and cache, db needs operator; tracing (on) needs logs (on); vectors is on and needed by
     * nothing. Sorted as the screen shows them: gateway, observability (logs, tracing), rag (vectors), storage
     * (cache, db, operator).
     */
    private static Catalog catalog() {
        return new Catalog(List.of(
                entry("gateway", "gateway", "LLM gateway with routing", false, "db", "cache"),
                entry("db", "storage", "Postgres database", false, "operator"),
                entry("operator", "storage", "Database operator", false),
                entry("cache", "storage", "In-memory cache", false),
                entry("vectors", "rag", "Vector database for embeddings", true),
                entry("logs", "observability", "Log store", true),
                entry("tracing", "observability", "Traces, compatible with OpenTelemetry", true, "logs")));
    }

    private static CatalogEntry entry(String name, String category, String description, boolean enabled,
                                      String... dependsOn) {
        return new CatalogEntry(name, category, description, "https://charts.example", name, "1.0.0", category,
                enabled, null, List.of(dependsOn), null, null, null);
    }

    private final CatalogBrowser browser = new CatalogBrowser(catalog());

    @Test
    void enablingAnAppStagesWhatItNeedsTransitively() {
        browser.toggle("gateway");

        assertThat(browser.status("gateway")).isEqualTo(Status.STAGED_ON);
        assertThat(browser.status("db")).isEqualTo(Status.STAGED_ON);
        assertThat(browser.status("operator")).isEqualTo(Status.STAGED_ON);
        assertThat(browser.status("cache")).isEqualTo(Status.STAGED_ON);
        assertThat(browser.message()).isEqualTo("enable gateway, with what it needs: operator, db, cache");
        assertThat(browser.stagedCount()).isEqualTo(4);
        assertThat(browser.summary()).isEqualTo("enable cache, db, gateway, operator");
    }

    @Test
    void unstagingAnAppUnstagesTheDependenciesThatCameWithItButKeepsThoseStillNeeded() {
        browser.toggle("gateway");
        browser.toggle("db");     // refused: gateway needs it
        assertThat(browser.message()).isEqualTo("cannot disable db: gateway needs it (disable that first)");
        browser.toggle("operator");
        assertThat(browser.message()).isEqualTo("cannot disable operator: db needs it (disable that first)");

        browser.toggle("cache");   // refused as well: nothing asked for changes
        browser.toggle("gateway");

        assertThat(browser.message()).isEqualTo("unstaged gateway; no longer needed: cache, db, operator");
        assertThat(browser.stagedCount()).isZero();
        assertThat(browser.press(new Key.Char('q'))).isEqualTo(new Decision.Apply(List.of(), List.of()));
    }

    @Test
    void disablingAnAppThatAnEnabledAppNeedsSaysSoAndStagesNothing() {
        browser.toggle("logs");

        assertThat(browser.message()).isEqualTo("cannot disable logs: tracing needs it (disable that first)");
        assertThat(browser.status("logs")).isEqualTo(Status.ON);
        assertThat(browser.stagedCount()).isZero();
    }

    @Test
    void disablingTheDependentFirstThenTheDependencyStagesBoth() {
        browser.toggle("tracing");
        browser.toggle("logs");

        assertThat(browser.status("tracing")).isEqualTo(Status.STAGED_OFF);
        assertThat(browser.status("logs")).isEqualTo(Status.STAGED_OFF);
        assertThat(browser.press(new Key.Char('q'))).isEqualTo(new Decision.Apply(List.of(),
                List.of("logs", "tracing")));
    }

    @Test
    void reEnablingAnAppBringsBackWhatItNeedsEvenIfThatWasStagedOff() {
        browser.toggle("tracing");
        browser.toggle("logs");

        browser.toggle("tracing");

        assertThat(browser.status("tracing")).isEqualTo(Status.ON);
        assertThat(browser.status("logs")).isEqualTo(Status.ON);
        assertThat(browser.message()).isEqualTo("enable tracing, with what it needs: logs");
        assertThat(browser.stagedCount()).isZero();
        assertThat(browser.press(new Key.Char('q'))).as("nothing left to apply")
                .isEqualTo(new Decision.Apply(List.of(), List.of()));
    }

    @Test
    void qAppliesTheRequestedAppsAndTheDisablesInOneDecision() {
        browser.toggle("gateway");
        browser.toggle("vectors");

        Decision decision = browser.press(new Key.Char('q'));

        assertThat(decision).isEqualTo(new Decision.Apply(List.of("gateway"), List.of("vectors")));
    }

    @Test
    void arrowsAndJkMoveWithinTheListAndEnterOnApplyApplies() {
        assertThat(selected()).isEqualTo("gateway");
        browser.press(new Key.Down());
        browser.press(new Key.Char('j'));
        assertThat(selected()).isEqualTo("tracing");
        browser.press(new Key.Char('k'));
        assertThat(selected()).isEqualTo("logs");
        browser.press(new Key.Up());
        browser.press(new Key.Up());
        assertThat(selected()).as("stops at the top").isEqualTo("gateway");

        browser.press(new Key.Enter());            // toggles gateway
        browser.press(new Key.End());
        assertThat(selected()).isEqualTo("apply");
        browser.press(new Key.Down());
        assertThat(selected()).as("stops at the apply button").isEqualTo("apply");
        assertThat(browser.rows().get(browser.rows().size() - 1)).isEqualTo(new Row.ApplyButton(4, true));

        assertThat(browser.press(new Key.Enter())).isEqualTo(new Decision.Apply(List.of("gateway"), List.of()));
    }

    @Test
    void spaceTogglesTheSelectedApp() {
        browser.press(new Key.Char('G'));
        browser.press(new Key.Up());      // operator, the last app
        browser.press(new Key.Char(' '));

        assertThat(browser.status("operator")).isEqualTo(Status.STAGED_ON);
    }

    @Test
    void searchFiltersByNameDescriptionAndCategoryIgnoringCase() {
        browser.press(new Key.Char('/'));
        type("DATABASE");

        assertThat(apps()).containsExactly("vectors", "db", "operator");
        assertThat(headings()).containsExactly("rag", "storage");

        browser.press(new Key.Backspace());
        type("\b".repeat(7) + "storage");
        assertThat(apps()).containsExactly("cache", "db", "operator");
        assertThat(browser.filter()).isEqualTo("storage");
    }

    @Test
    void keysTypedWhileSearchingAreTextAndEnterKeepsTheFilterToToggleAMatch() {
        browser.press(new Key.Char('/'));
        type("tracing q");   // q and space are text here: nothing is applied
        assertThat(browser.searching()).isTrue();
        type("\b\b");
        browser.press(new Key.Enter());

        assertThat(browser.searching()).isFalse();
        assertThat(apps()).containsExactly("tracing");
        browser.press(new Key.Char(' '));
        assertThat(browser.status("tracing")).isEqualTo(Status.STAGED_OFF);
    }

    @Test
    void escWhileSearchingClearsTheFilterWithoutCancelling() {
        browser.press(new Key.Char('/'));
        type("cache");
        assertThat(apps()).containsExactly("cache");

        assertThat(browser.press(new Key.Escape())).isEqualTo(new Decision.Browsing());

        assertThat(browser.filter()).isEmpty();
        assertThat(apps()).hasSize(7);
        assertThat(selected()).isEqualTo("gateway");
    }

    @Test
    void aSearchThatMatchesNothingLeavesOnlyTheApplyButton() {
        browser.press(new Key.Char('/'));
        type("zzz");

        assertThat(browser.rows()).containsExactly(new Row.ApplyButton(0, true));
        browser.press(new Key.Enter());
        assertThat(browser.press(new Key.Enter())).isEqualTo(new Decision.Apply(List.of(), List.of()));
    }

    @Test
    void escCancelsAndSoDoesCtrlCEvenWhileSearching() {
        browser.toggle("gateway");
        assertThat(browser.press(new Key.Escape())).isEqualTo(new Decision.Cancelled());

        browser.press(new Key.Char('/'));
        assertThat(browser.press(new Key.CtrlC())).isEqualTo(new Decision.Cancelled());
    }

    private void type(String text) {
        for (char c : text.toCharArray()) {
            browser.press(c == '\b' ? new Key.Backspace() : new Key.Char(c));
        }
    }

    private String selected() {
        for (Row row : browser.rows()) {
            if (row instanceof Row.App a && a.selected()) {
                return a.entry().name();
            }
            if (row instanceof Row.ApplyButton b && b.selected()) {
                return "apply";
            }
        }
        throw new AssertionError("nothing selected: " + browser.rows());
    }

    private List<String> apps() {
        return browser.rows().stream().filter(r -> r instanceof Row.App).map(r -> ((Row.App) r).entry().name())
                .toList();
    }

    private List<String> headings() {
        return browser.rows().stream().filter(r -> r instanceof Row.Heading).map(r -> ((Row.Heading) r).category())
                .toList();
    }
}
