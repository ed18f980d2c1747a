package com.sikifanso.catalog;

import java.util.List;

/**
 * What {@code catalog lint} found in a directory of entries.
 *
 * @param target what was linted: a directory, a catalog source, or the built-in catalog
 * @param entries the entry files read
 * @param charts whether each chart was looked up in its repository, or why not
 */
public record LintReport(String target, List<String> entries, String charts, List<LintFinding> errors) {
    public boolean failed() {
        return !errors.isEmpty();
    }
}
