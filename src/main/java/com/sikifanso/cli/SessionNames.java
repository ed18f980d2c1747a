package com.sikifanso.cli;

import com.sikifanso.core.ClusterName;
import com.sikifanso.Services;
import com.sikifanso.agui.journal.ClusterJournals;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.JournalQueries;
import com.sikifanso.catalog.ApplicationNames;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.catalog.CustomApp;
import com.sikifanso.catalog.SourceNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Live names for completion, read from the session; any failure just means no candidates. */
final class SessionNames {
    /** A shell shows every candidate: the most recent runs are the ones worth naming. */
    private static final int RECENT_RUNS = 50;
    private final Services services;
    private final Map<String, String> env;

    SessionNames(Services services, Map<String, String> env) {
        this.services = services;
        this.env = env;
    }

    List<String> of(Class<?> kind, String cluster) {
        try {
            String c = cluster != null ? cluster : env.getOrDefault("SIKIFANSO_CLUSTER", "default");
            if (kind == Candidates.Clusters.class) {
                return services.sessions().names();
            } else if (kind == Candidates.ProfileNames.class) {
                return services.profiles().names();
            } else if (kind == Candidates.CatalogApps.class) {
                return catalog(c, e -> true);
            } else if (kind == Candidates.DisabledApps.class) {
                return catalog(c, e -> !e.enabled());
            } else if (kind == Candidates.EnabledApps.class) {
                return catalog(c, CatalogEntry::enabled);
            } else if (kind == Candidates.CustomAppNames.class) {
                return ApplicationNames.yamlNames(repo(c).resolve(CustomApp.COORDINATES_DIR));
            } else if (kind == Candidates.Agents.class) {
                return ApplicationNames.yamlNames(repo(c).resolve(ApplicationNames.AGENTS_DIR));
            } else if (kind == Candidates.Snapshots.class) {
                return services.snapshots().names();
            } else if (kind == Candidates.Runs.class) {
                return JournalQueries.runIds(new ClusterJournals(services.sessions(), JournalOptions.DEFAULTS).of(ClusterName.of(c)))
                        .stream().limit(RECENT_RUNS).toList();
            }
        } catch (RuntimeException e) {
            // Completion must never print errors into the user's command line.
        }
        return List.of();
    }

    private List<String> catalog(String cluster, Predicate<CatalogEntry> filter) {
        return services.apps().catalog(ClusterName.of(cluster)).entries().stream().filter(filter).map(e -> SourceNames.shown(e.name()))
                .sorted().toList();
    }

    private Path repo(String cluster) {
        return Path.of(services.sessions().load(ClusterName.of(cluster)).gitOpsPath());
    }
}
