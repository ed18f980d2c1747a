package com.sikifanso.cli.browse;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CatalogEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout: columns, status words, the keys, and scrolling that keeps the selected row in view. */
class BrowserScreenTest {
    private static final Catalog CATALOG = catalog();

    private static Catalog catalog() {
        List<CatalogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            entries.add(new CatalogEntry(String.format("app-%02d", i), "cat-" + (i / 10), "Description of app " + i
                    + " which is rather long and goes on and on to be cut", "https://c.example", "c", "1.2." + i,
                    "ns", i == 1, null, i == 2 ? List.of("app-03") : List.of(), null, null, null));
        }
        return new Catalog(entries);
    }

    private final CatalogBrowser browser = new CatalogBrowser(CATALOG);
    private final BrowserScreen screen = new BrowserScreen("sikifanso catalog · cluster lab", CATALOG.entries());

    @Test
    void eachAppShowsNameDescriptionVersionAndStatusWithinTheWidth() {
        browser.toggle("app-02");
        browser.toggle("app-01");

        List<String> lines = plain(screen.render(browser, 100, 40));

        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThan(100));
        assertThat(lines.get(0)).startsWith(" sikifanso catalog · cluster lab").endsWith("3 staged");
        assertThat(lines).contains(" CAT-0");
        assertThat(line(lines, "app-00")).startsWith(" > app-00 ").contains("Description of app 0", "…", "1.2.0")
                .endsWith("[off]");
        assertThat(line(lines, "app-01")).endsWith("[staged off]");
        assertThat(line(lines, "app-02")).endsWith("[staged on]");
        assertThat(line(lines, "app-03")).endsWith("[staged on]");
        assertThat(lines).hasSize(40).contains("   [ apply 3 changes ]");
        assertThat(lines.get(38)).isEqualTo(" staged: enable app-02, app-03; disable app-01");
        assertThat(lines.get(39)).isEqualTo(" " + BrowserScreen.KEYS);
    }

    @Test
    void theListScrollsToKeepTheSelectedRowAndItsHeadingInView() {
        List<String> lines = plain(screen.render(browser, 100, 20));
        assertThat(lines).hasSize(20);
        assertThat(lines.get(2)).isEqualTo(" CAT-0");
        assertThat(lines.get(3)).startsWith(" > app-00");

        browser.press(new Key.End());
        lines = plain(screen.render(browser, 100, 20));
        assertThat(lines.get(16)).as("the last row of the list").isEqualTo(" > [ apply: nothing staged ]");
        assertThat(lines.get(19)).isEqualTo(" " + BrowserScreen.KEYS);

        for (int i = 0; i < 20; i++) {
            browser.press(new Key.Up());
        }
        lines = plain(screen.render(browser, 100, 20));
        assertThat(lines.get(2)).as("the heading of the selected app's category").isEqualTo(" CAT-1");
        assertThat(lines.get(3)).startsWith(" > app-10");
    }

    @Test
    void searchingShowsWhatIsTypedAndTheSearchKeys() {
        browser.press(new Key.Char('/'));
        browser.press(new Key.Char('2'));
        browser.press(new Key.Char('9'));

        List<String> lines = plain(screen.render(browser, 100, 12));

        assertThat(lines.get(1)).isEqualTo(" / 29_");
        assertThat(lines).contains(" CAT-2").anySatisfy(l -> assertThat(l).startsWith(" > app-29"));
        assertThat(lines.get(11)).isEqualTo(" " + BrowserScreen.SEARCH_KEYS);
    }

    @Test
    void aRefusedDisableIsShownAboveTheStagedLine() {
        browser.toggle("app-02");
        browser.toggle("app-03");

        List<String> lines = plain(screen.render(browser, 100, 40));

        assertThat(lines.get(37)).isEqualTo(" cannot disable app-03: app-02 needs it (disable that first)");
    }

    private static String line(List<String> lines, String app) {
        return lines.stream().filter(l -> l.contains(app + " ")).findFirst().orElseThrow().stripTrailing();
    }

    private static List<String> plain(List<StyledLine> lines) {
        return lines.stream().map(StyledLine::plain).map(String::stripTrailing).toList();
    }
}
