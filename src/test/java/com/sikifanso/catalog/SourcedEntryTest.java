package com.sikifanso.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.core.Mappers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog file a community entry is committed as: only what the entry says, read back the same. */
class SourcedEntryTest {

    private static CatalogEntry entry(Diagnostics diagnostics) {
        return new CatalogEntry("vectors", "rag", "A vector store", "https://charts.example", "vectors", "1.2.0",
                "vectors", false, null, List.of("postgresql"), null, null, diagnostics);
    }

    @Test
    void anEntryWithoutDiagnosticsWritesNoDiagnosticsBlock() throws Exception {
        SourcedEntry sourced = SourcedEntry.of("team", "abc123", entry(null), List.of("vectors"), null);

        String text = sourced.text(true);

        // It used to end with "diagnostics: {empty: true}": Jackson took isEmpty() for a field.
        assertThat(text).doesNotContain("diagnostics").doesNotContain("empty");
        CatalogEntry read = Mappers.YAML.readValue(text, CatalogEntry.class);
        assertThat(read.name()).isEqualTo("team--vectors");
        assertThat(read.enabled()).isTrue();
        assertThat(read.diagnostics()).isEqualTo(Diagnostics.NONE);
    }

    @Test
    void anEntryWithDiagnosticsKeepsThemAndOnlyThem() throws Exception {
        Diagnostics diagnostics = new Diagnostics(List.of("a PVC"), List.of("vectors-"), List.of(), List.of());
        SourcedEntry sourced = SourcedEntry.of("team", "abc123", entry(diagnostics), List.of("vectors"), null);

        String text = sourced.text(false);

        assertThat(text).contains("diagnostics:").contains("a PVC").doesNotContain("empty");
        assertThat(Mappers.YAML.readValue(text, CatalogEntry.class).diagnostics()).isEqualTo(diagnostics);
    }
}
