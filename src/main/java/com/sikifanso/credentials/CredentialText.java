package com.sikifanso.credentials;

import com.sikifanso.core.TextStyle;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Table;

/** The text of {@code app credentials} and {@code app rotate-credentials}, for the CLI and every other surface. */
public final class CredentialText {
    private CredentialText() {
    }

    public static String shown(AppCredentials.Shown shown) {
        Table t = new Table("SECRET", "KEY", "VALUE", "COPIED FROM");
        for (AppCredentials.AppSecret s : shown.secrets()) {
            s.values().forEach((key, value) -> t.row(s.namespace() + "/" + s.name(), key, value,
                    s.copiedFrom() == null ? "" : s.copiedFrom()));
        }
        return t.render();
    }

    public static String rotation(AppCredentials.Rotation rotation, TextStyle style) {
        StringBuilder s = new StringBuilder();
        if (rotation.commit() != null) {
            s.append("Moved ").append(String.join(", ", rotation.migrated()))
                    .append(" from literal passwords to generated Secrets in commit ").append(rotation.commit())
                    .append('\n');
        }
        AppCredentials.Rotated r = rotation.rotated();
        s.append("Rotated ").append(r.app()).append(": ").append(String.join(", ", r.rotated()));
        if (!r.kept().isEmpty()) {
            s.append("\nKept (bound to stored data): ").append(String.join(", ", r.kept()));
        }
        if (!r.copiesUpdated().isEmpty()) {
            s.append("\nUpdated the copies: ").append(String.join(", ", r.copiesUpdated()));
        }
        s.append("\nRestarted: ").append(r.restarted().isEmpty() ? "nothing (no Deployments or StatefulSets found)"
                : String.join(", ", r.restarted()));
        return s.append(style.hint("\nShow the new values with: ", Suggestion.of("app", "credentials")
                .arg("name", r.app()))).toString();
    }
}
