package com.sikifanso.cli.browse;

import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.catalog.DependencyGraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalog browser's state, without a terminal: the rows shown (filtered by the search), the cursor, and the
 * changes staged so far with their dependencies resolved as {@code app enable} and {@code app disable} resolve them.
 * What the user asked for is kept ({@code turnedOn}, {@code turnedOff}); what will be enabled follows from it, so
 * unstaging an app also unstages the dependencies that came with it and nothing else needs.
 */
public final class CatalogBrowser {
    /** What a key led to: keep browsing, give up without writing, or apply the staged changes. */
    public sealed interface Decision {
        record Browsing() implements Decision {
        }

        record Cancelled() implements Decision {
        }

        /** @param enable the apps asked for (the operation adds what they need); {@code disable} those turned off */
        record Apply(List<String> enable, List<String> disable) implements Decision {
            public boolean isEmpty() {
                return enable.isEmpty() && disable.isEmpty();
            }
        }
    }

    public enum Status { ON, OFF, STAGED_ON, STAGED_OFF }

    /** A line of the list: a category heading, an app, or the apply button at the end. */
    public sealed interface Row {
        record Heading(String category) implements Row {
        }

        record App(CatalogEntry entry, Status status, boolean selected) implements Row {
        }

        record ApplyButton(int changes, boolean selected) implements Row {
        }
    }

    private final Catalog catalog;
    private final DependencyGraph graph;
    private final Set<String> initiallyOn = new TreeSet<>();
    private final Set<String> turnedOn = new LinkedHashSet<>();
    private final Set<String> turnedOff = new LinkedHashSet<>();
    private String filter = "";
    private boolean searching;
    private int cursor;
    private String message = "";

    public CatalogBrowser(Catalog catalog) {
        this.catalog = catalog;
        this.graph = catalog.dependencies();
        catalog.entries().stream().filter(CatalogEntry::enabled).forEach(e -> initiallyOn.add(e.name()));
    }

    // ---- keys

    public Decision press(Key key) {
        message = "";
        if (key instanceof Key.CtrlC) {
            return new Decision.Cancelled();
        }
        return searching ? pressSearching(key) : pressBrowsing(key);
    }

    private Decision pressBrowsing(Key key) {
        switch (key) {
            case Key.Escape e -> {
                return new Decision.Cancelled();
            }
            case Key.Char c when c.c() == 'q' -> {
                return apply();
            }
            case Key.Char c when c.c() == '/' -> searching = true;
            case Key.Char c when c.c() == 'k' -> move(-1);
            case Key.Char c when c.c() == 'j' -> move(1);
            case Key.Char c when c.c() == 'g' -> move(Integer.MIN_VALUE / 2);
            case Key.Char c when c.c() == 'G' -> move(Integer.MAX_VALUE / 2);
            case Key.Char c when c.c() == ' ' -> {
                return activate();
            }
            case Key.Enter e -> {
                return activate();
            }
            default -> navigate(key);
        }
        return new Decision.Browsing();
    }

    private Decision pressSearching(Key key) {
        switch (key) {
            case Key.Escape e -> {
                searching = false;
                setFilter("");
            }
            case Key.Enter e -> searching = false;
            case Key.Backspace b -> setFilter(filter.isEmpty() ? "" : filter.substring(0, filter.length() - 1));
            case Key.Char c when filter.length() < 64 -> setFilter(filter + c.c());
            default -> navigate(key);
        }
        return new Decision.Browsing();
    }

    private void navigate(Key key) {
        switch (key) {
            case Key.Up u -> move(-1);
            case Key.Down d -> move(1);
            case Key.PageUp p -> move(-10);
            case Key.PageDown p -> move(10);
            case Key.Home h -> move(Integer.MIN_VALUE / 2);
            case Key.End e -> move(Integer.MAX_VALUE / 2);
            default -> {
            }
        }
    }

    private Decision activate() {
        List<CatalogEntry> apps = visibleApps();
        if (cursor == apps.size()) {
            return apply();
        }
        toggle(apps.get(cursor).name());
        return new Decision.Browsing();
    }

    private Decision apply() {
        List<String> disable = turnedOff.stream().filter(n -> !enabledAfter().contains(n)).sorted().toList();
        // an app back on that was on before asks for nothing, unless something it needs is off
        List<String> enable = turnedOn.stream().filter(n -> graph.resolve(List.of(n)).ordered().stream()
                .anyMatch(needed -> !initiallyOn.contains(needed))).toList();
        return new Decision.Apply(enable, disable);
    }

    // ---- staging

    /** Turns an app on (with what it needs) or off (unless an app enabled after the change needs it). */
    public void toggle(String name) {
        if (enabledAfter().contains(name)) {
            turnOff(name);
        } else {
            turnOn(name);
        }
    }

    private void turnOn(String name) {
        Set<String> before = enabledAfter();
        List<String> needed = graph.resolve(List.of(name)).ordered();
        turnedOff.removeAll(needed);
        turnedOn.add(name);
        List<String> also = needed.stream().filter(n -> !n.equals(name) && !before.contains(n)).toList();
        message = "enable " + name + (also.isEmpty() ? "" : ", with what it needs: " + String.join(", ", also));
    }

    private void turnOff(String name) {
        Set<String> after = enabledAfter();
        List<String> dependents = catalog.entries().stream()
                .filter(e -> after.contains(e.name()) && e.dependsOn().contains(name))
                .map(CatalogEntry::name).sorted().toList();
        if (!dependents.isEmpty()) {
            message = "cannot disable " + name + ": " + String.join(", ", dependents)
                    + (dependents.size() == 1 ? " needs" : " need") + " it (disable "
                    + (dependents.size() == 1 ? "that" : "those") + " first)";
            return;
        }
        turnedOn.remove(name);
        if (initiallyOn.contains(name)) {
            turnedOff.add(name);
        }
        List<String> released = after.stream().filter(n -> !n.equals(name) && !enabledAfter().contains(n)).toList();
        message = (initiallyOn.contains(name) ? "disable " : "unstaged ") + name
                + (released.isEmpty() ? "" : "; no longer needed: " + String.join(", ", released));
    }

    /** The apps enabled once the staged changes are applied. */
    public Set<String> enabledAfter() {
        Set<String> on = new TreeSet<>(initiallyOn);
        on.removeAll(turnedOff);
        if (!turnedOn.isEmpty()) {
            on.addAll(graph.resolve(List.copyOf(turnedOn)).ordered());
        }
        return on;
    }

    public Status status(String name) {
        boolean before = initiallyOn.contains(name);
        boolean after = enabledAfter().contains(name);
        if (before == after) {
            return after ? Status.ON : Status.OFF;
        }
        return after ? Status.STAGED_ON : Status.STAGED_OFF;
    }

    /** How many apps the staged changes switch on or off. */
    public int stagedCount() {
        Set<String> after = enabledAfter();
        return (int) catalog.entries().stream().filter(e -> initiallyOn.contains(e.name()) != after.contains(e.name()))
                .count();
    }

    // ---- search and rows

    private void setFilter(String text) {
        filter = text;
        cursor = 0;
    }

    private List<CatalogEntry> visibleApps() {
        String f = filter.toLowerCase(Locale.ROOT);
        return catalog.entries().stream().filter(e -> f.isEmpty() || matches(e, f)).toList();
    }

    private static boolean matches(CatalogEntry e, String lowerFilter) {
        return (e.name() + "\n" + nullToEmpty(e.description()) + "\n" + nullToEmpty(e.category()))
                .toLowerCase(Locale.ROOT).contains(lowerFilter);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private void move(int delta) {
        int last = visibleApps().size();   // the apply button follows the apps
        cursor = (int) Math.max(0, Math.min(last, (long) cursor + delta));
    }

    /** The lines of the list, in order: each category's heading followed by its apps that match the search. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        List<CatalogEntry> apps = visibleApps();
        String category = null;
        for (int i = 0; i < apps.size(); i++) {
            CatalogEntry e = apps.get(i);
            if (!e.category().equals(category)) {
                category = e.category();
                rows.add(new Row.Heading(category));
            }
            rows.add(new Row.App(e, status(e.name()), i == cursor));
        }
        rows.add(new Row.ApplyButton(stagedCount(), cursor == apps.size()));
        return rows;
    }

    public String filter() {
        return filter;
    }

    public boolean searching() {
        return searching;
    }

    /** What the last key did, in words (a dependency staged, a disable refused); empty when nothing to say. */
    public String message() {
        return message;
    }

    /** The staged changes in words, e.g. "enable qdrant; disable loki", or empty. */
    public String summary() {
        Set<String> after = enabledAfter();
        List<String> on = after.stream().filter(n -> !initiallyOn.contains(n)).toList();
        List<String> off = initiallyOn.stream().filter(n -> !after.contains(n)).toList();
        List<String> parts = new ArrayList<>();
        if (!on.isEmpty()) {
            parts.add("enable " + String.join(", ", on));
        }
        if (!off.isEmpty()) {
            parts.add("disable " + String.join(", ", off));
        }
        return String.join("; ", parts);
    }
}
