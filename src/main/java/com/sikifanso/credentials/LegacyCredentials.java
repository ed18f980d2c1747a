package com.sikifanso.credentials;

import com.sikifanso.core.CommitId;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.catalog.CatalogFile;
import com.sikifanso.catalog.CredentialLint;
import com.sikifanso.core.Mappers;
import com.sikifanso.gitops.GitOpsRepo;
import com.sikifanso.gitops.RepoChange;
import com.sikifanso.gitops.Scaffolder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves catalog entries scaffolded before credentials were generated (literal passwords in their
 * values) to this version's template: its entry file (keeping {@code enabled}) and values file,
 * which reference generated Secrets. The old files stay in the repo's history.
 */
final class LegacyCredentials {
    private LegacyCredentials() {
    }

    /** The entries moved, and the commit that moved them (empty when none had literals). */
    record Migration(List<String> apps, Optional<String> commit) {
    }

    /** Whether the entry has credentials, or will have once migrated to this version's template. */
    static boolean declaresCredentials(CatalogEntry entry) {
        if (!entry.credentials().isEmpty()) {
            return true;
        }
        return Scaffolder.embeddedFile(entry.file()).map(text -> {
            try {
                return !Mappers.YAML.readValue(text, CatalogEntry.class).credentials().isEmpty();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the embedded template's " + entry.file() + " is valid YAML", e);
            }
        }).orElse(false);
    }

    static Migration migrate(GitOpsRepo repo, Catalog catalog) {
        List<String> moved = new ArrayList<>();
        Map<String, String> files = new LinkedHashMap<>();
        for (CatalogEntry entry : catalog.entries()) {
            if (!repo.exists(entry.valuesFile())
                    || CredentialLint.check(entry.valuesFile(), repo.read(entry.valuesFile())).isEmpty()) {
                continue;
            }
            Optional<String> entryFile = Scaffolder.embeddedFile(entry.file());
            Optional<String> valuesFile = Scaffolder.embeddedFile(entry.valuesFile());
            if (entryFile.isEmpty() || valuesFile.isEmpty()) {
                continue;
            }
            files.put(entry.file(), CatalogFile.withEnabled(entry.file(), entryFile.get(), entry.enabled()));
            files.put(entry.valuesFile(), valuesFile.get());
            moved.add(entry.name());
        }
        if (moved.isEmpty()) {
            return new Migration(List.of(), Optional.empty());
        }
        RepoChange change = new RepoChange("credentials: move " + String.join(", ", moved)
                + " from literal passwords to generated Secrets");
        files.forEach(change::write);
        return new Migration(moved, repo.apply(change).map(CommitId::value));
    }
}
