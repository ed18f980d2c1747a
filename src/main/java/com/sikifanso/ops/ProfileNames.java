package com.sikifanso.ops;

import com.sikifanso.catalog.ProfileSelection;
import java.util.List;

/** A tool's {@code profiles} array, read once into the selection the services take. */
final class ProfileNames {
    private ProfileNames() {
    }

    /** One profile name per item (a comma inside one is a mistake to say, not to split). Null stays null. */
    static ProfileSelection selection(List<String> names) {
        if (names == null) {
            return null;
        }
        for (String name : names) {
            if (name == null || name.isBlank() || name.contains(",")) {
                throw new InvalidArguments("profiles holds \"" + name + "\": give one profile name per array item, "
                        + "e.g. [\"agent-dev\",\"rag\"] (profile_list names them)");
            }
        }
        return new ProfileSelection(names.stream().map(String::strip).toList());
    }
}
