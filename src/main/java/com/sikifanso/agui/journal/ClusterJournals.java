package com.sikifanso.agui.journal;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.SessionStore;
import java.nio.file.Files;
import java.util.List;

/** The activity journal of a cluster named by a user, refusing a name that is no cluster of theirs. */
public final class ClusterJournals {
    private final SessionStore sessions;
    private final JournalOptions options;

    public ClusterJournals(SessionStore sessions, JournalOptions options) {
        this.sessions = sessions;
        this.options = options;
    }

    /** The journal of {@code cluster}, which may not have been written yet (see {@link #written}). */
    public ActivityJournal of(ClusterName cluster) {
        if (!sessions.exists(cluster)) {
            List<String> known = sessions.names();
            throw SikifansoException.failure("no cluster named \"" + cluster + "\""
                            + (known.isEmpty() ? "; there are no clusters yet" : "; the clusters are: "
                            + String.join(", ", known)),
                    known.isEmpty() ? Hint.of("create one with: ", Suggestion.of("cluster", "create").arg("name", cluster))
                            : "name one with --cluster NAME (or SIKIFANSO_CLUSTER), e.g. --cluster " + known.get(0));
        }
        return new ActivityJournal(sessions.home().clusterDir(cluster), options);
    }

    /** Whether anything was ever journalled there (a journal file exists). */
    public static boolean written(ActivityJournal journal) {
        return Files.exists(new JournalFiles(journal.directory()).current()) || journal.lastSequence() > 0;
    }
}
