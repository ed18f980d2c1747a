package com.sikifanso.ops;

import java.util.List;

/** Profile names arrive as a JSON array; the profile service takes the CLI's comma-separated form. */
public final class ProfileNames {
    private ProfileNames() {
    }

    /** The CLI's {@code --profile agent-dev,rag} as the tools' list; blank parts are skipped. Null stays null. */
    public static List<String> split(String commaSeparated) {
        return commaSeparated == null ? null : java.util.Arrays.stream(commaSeparated.split(","))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    static String joined(List<String> names) {
        if (names == null) {
            return null;
        }
        for (String name : names) {
            if (name == null || name.isBlank() || name.contains(",")) {
                throw new InvalidArguments("profiles holds \"" + name + "\": give one profile name per array item, "
                        + "e.g. [\"agent-dev\",\"rag\"] (profile_list names them)");
            }
        }
        return String.join(",", names);
    }
}
