package com.sikifanso.catalog;

/**
 * One error {@code catalog lint} found: the file (relative to the linted directory), the field in it (empty for
 * the file as a whole), what is wrong, and how to fix it.
 */
public record LintFinding(String file, String field, String problem, String fix) {
    @Override
    public String toString() {
        return file + (field.isEmpty() ? "" : ": " + field) + ": " + problem + " (fix: " + fix + ")";
    }
}
