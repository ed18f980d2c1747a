package com.sikifanso.server;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Hint;
import com.sikifanso.core.ClusterName;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.http.PlainResponses;
import com.sikifanso.session.SessionStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** The activity journal of a cluster a request names, or a 404 naming the clusters there are. */
final class ClusterJournals {
    private final SessionStore sessions;
    private final String defaultCluster;

    ClusterJournals(SessionStore sessions, String defaultCluster) {
        this.sessions = sessions;
        this.defaultCluster = defaultCluster;
    }

    /** {@code requested}, or the server's default cluster when the request names none. */
    String name(String requested) {
        return requested == null || requested.isBlank() ? defaultCluster : requested;
    }

    /** The journal of an existing cluster: the same directory the operations' journal listener writes to. */
    ActivityJournal of(String cluster) {
        java.util.Optional<ClusterName> name = ClusterName.ifValid(cluster);
        if (name.isEmpty() || !sessions.exists(name.get()) || !Files.isDirectory(sessions.home().clusterDir(name.get()))) {
            throw new Refusal(404, "unknown cluster " + PlainResponses.printable(cluster) + "; known clusters: "
                    + known() + " (name one with ?cluster=NAME)");
        }
        return new ActivityJournal(sessions.home().clusterDir(name.get()), JournalOptions.DEFAULTS);
    }

    private String known() {
        var names = sessions.names();
        return names.isEmpty() ? Hint.of("none yet (create one with: ", Suggestion.of("cluster", "create"), ")").cli()
                : String.join(", ", names);
    }
}
