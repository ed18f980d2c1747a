package com.sikifanso.catalog;

import java.util.Arrays;
import java.util.List;

/**
 * The profiles a user named, in their order: read once from the CLI's {@code --profile agent-dev,rag} or a tool's
 * array, then handed inward as they are; {@link Profiles#resolve} says which of them exist.
 */
public record ProfileSelection(List<String> names) {
    public ProfileSelection {
        names = List.copyOf(names);
    }

    /** The CLI's comma-separated form; blank parts are skipped. Null stays null (no profile asked for). */
    public static ProfileSelection parse(String commaSeparated) {
        return commaSeparated == null ? null : new ProfileSelection(Arrays.stream(commaSeparated.split(","))
                .map(String::strip).filter(p -> !p.isEmpty()).toList());
    }

    /** As the user would write them: {@code agent-dev,rag}. */
    @Override
    public String toString() {
        return String.join(",", names);
    }
}
