package com.sikifanso.cli.browse;

import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.cli.browse.CatalogBrowser.Row;
import com.sikifanso.cli.browse.StyledLine.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays the browser out on a screen of a given size: a title, the search line, the scrolling list, what the last
 * key did, the staged changes and the keys. It keeps only the scroll position; the state is the model's.
 */
public final class BrowserScreen {
    public static final String KEYS = "↑↓/jk move  enter/space toggle  / search  q apply  esc cancel";
    static final String SEARCH_KEYS = "type to filter  enter keep filter  esc clear  ↑↓ move  ctrl+c cancel";
    private static final int CHROME_LINES = 5;   // title, search, message, staged, keys

    private final String title;
    private final int nameColumns;
    private final int versionColumns;
    private int top;

    public BrowserScreen(String title, List<CatalogEntry> entries) {
        this.title = title;
        this.nameColumns = Math.min(26, entries.stream().mapToInt(e -> e.name().length()).max().orElse(4));
        this.versionColumns = Math.min(12, entries.stream().mapToInt(e -> version(e).length()).max().orElse(7));
    }

    /** The screen's lines, at most {@code height}, each narrower than {@code width} (the last column stays free). */
    public List<StyledLine> render(CatalogBrowser model, int width, int height) {
        int columns = Math.max(20, width - 1);
        List<StyledLine> lines = new ArrayList<>();
        lines.add(titleLine(model, columns));
        lines.add(searchLine(model, columns));
        List<Row> rows = model.rows();
        int listHeight = Math.max(1, height - CHROME_LINES);
        scrollTo(rows, listHeight);
        for (int i = top; i < Math.min(rows.size(), top + listHeight); i++) {
            lines.add(rowLine(rows.get(i), columns));
        }
        while (lines.size() < height - 3) {
            lines.add(new StyledLine(List.of()));
        }
        String message = model.message();
        lines.add(new StyledLine.Builder(columns).add(" ").add(message,
                message.startsWith("cannot") ? Style.RED : Style.YELLOW).build());
        String summary = model.summary();
        lines.add(new StyledLine.Builder(columns).add(" staged: ", Style.DIM)
                .add(summary.isEmpty() ? "nothing" : summary).build());
        lines.add(new StyledLine.Builder(columns).add(" " + (model.searching() ? SEARCH_KEYS : KEYS), Style.DIM)
                .build());
        return lines.subList(Math.max(0, lines.size() - height), lines.size());
    }

    /** Keeps the selected row in view, with the heading above it when it is its category's first app. */
    private void scrollTo(List<Row> rows, int listHeight) {
        int selected = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof Row.App a && a.selected() || rows.get(i) instanceof Row.ApplyButton b
                    && b.selected()) {
                selected = i;
            }
        }
        int wanted = selected > 0 && rows.get(selected - 1) instanceof Row.Heading ? selected - 1 : selected;
        if (wanted < top) {
            top = wanted;
        } else if (selected >= top + listHeight) {
            top = selected - listHeight + 1;
        }
        top = Math.max(0, Math.min(top, Math.max(0, rows.size() - listHeight)));
    }

    private StyledLine titleLine(CatalogBrowser model, int columns) {
        int staged = model.stagedCount();
        String right = staged == 0 ? "nothing staged" : staged + " staged";
        StyledLine.Builder b = new StyledLine.Builder(columns).add(" " + title, Style.BOLD);
        return b.add(" ".repeat(Math.max(1, b.left() - right.length())))
                .add(right, staged == 0 ? Style.DIM : Style.YELLOW).build();
    }

    private static StyledLine searchLine(CatalogBrowser model, int columns) {
        StyledLine.Builder b = new StyledLine.Builder(columns);
        if (model.searching()) {
            return b.add(" / ", Style.BOLD).add(model.filter()).add("_", Style.INVERSE).build();
        }
        if (!model.filter().isEmpty()) {
            return b.add(" filter: ", Style.DIM).add(model.filter(), Style.BOLD)
                    .add("  (/ to change it, esc there to clear it)", Style.DIM).build();
        }
        return b.build();
    }

    private StyledLine rowLine(Row row, int columns) {
        StyledLine.Builder b = new StyledLine.Builder(columns);
        return switch (row) {
            case Row.Heading h -> b.add(" " + h.category().toUpperCase(Locale.ROOT), Style.CYAN).build();
            case Row.ApplyButton a -> b.add(a.selected() ? " > " : "   ", Style.BOLD)
                    .add(a.changes() == 0 ? "[ apply: nothing staged ]" : "[ apply " + a.changes()
                            + (a.changes() == 1 ? " change" : " changes") + " ]", a.selected() ? Style.INVERSE
                            : Style.BOLD).build();
            case Row.App a -> appLine(b, a);
        };
    }

    private StyledLine appLine(StyledLine.Builder b, Row.App a) {
        CatalogEntry e = a.entry();
        String status = switch (a.status()) {
            case ON -> "[on]";
            case OFF -> "[off]";
            case STAGED_ON -> "[staged on]";
            case STAGED_OFF -> "[staged off]";
        };
        Style statusStyle = switch (a.status()) {
            case ON -> Style.GREEN;
            case OFF -> Style.DIM;
            case STAGED_ON, STAGED_OFF -> Style.YELLOW;
        };
        b.add(a.selected() ? " > " : "   ", Style.BOLD).column(e.name(), nameColumns, a.selected() ? Style.BOLD
                : Style.PLAIN).add(" ");
        int description = Math.max(0, b.left() - versionColumns - 1 - 13);
        return b.column(e.description() == null ? "" : e.description(), description, Style.DIM).add(" ")
                .column(version(e), versionColumns, Style.DIM).add(" ").add(status, statusStyle).build();
    }

    private static String version(CatalogEntry e) {
        return e.targetRevision() == null ? "" : e.targetRevision();
    }
}
