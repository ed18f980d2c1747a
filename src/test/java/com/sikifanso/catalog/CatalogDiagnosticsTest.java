package com.sikifanso.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each catalog entry's diagnostics: parsed from its catalog file, matched against what is seen, present for all. */
class CatalogDiagnosticsTest {
    /** The catalog as the embedded template ships it (what every new cluster's repo starts with). */
    private static final Path SHIPPED = Path.of("src/main/resources/bootstrap");

    @TempDir
    Path repo;

    @Test
    void diagnosticsAreParsedFromTheCatalogFile() throws IOException {
        Files.createDirectories(repo.resolve("catalog"));
        Files.writeString(repo.resolve("catalog/vectors.yaml"), """
                name: vectors
                category: rag
                chart: vectors
                diagnostics:
                  needs: [a 1Gi volume]
                  pods: [vectors-0]
                  logs: [WAL]
                  failureModes:
                    - symptom: crashes when the disk is full
                      signals: [No space left on device, "PersistentVolumeClaim .*\\\\(Progressing\\\\)"]
                      cause: the volume is full
                      fix: raise persistence.size
                """);
        Files.writeString(repo.resolve("catalog/plain.yaml"), "name: plain\ncategory: rag\nchart: plain\n");

        Catalog catalog = Catalog.load(repo);
        Diagnostics d = catalog.get("vectors").diagnostics();

        assertThat(d.needs()).containsExactly("a 1Gi volume");
        assertThat(d.pods()).containsExactly("vectors-0");
        assertThat(d.logs()).containsExactly("WAL");
        Diagnostics.FailureMode full = d.failureModes().get(0);
        assertThat(full.cause()).isEqualTo("the volume is full");
        assertThat(full.fix()).isEqualTo("raise persistence.size");
        assertThat(d.matching("StatefulSet vectors-0 (Degraded): write failed: no space left ON device"))
                .contains(full);
        assertThat(d.matching("PersistentVolumeClaim data-vectors-0 in namespace rag (Progressing)")).contains(full);
        assertThat(d.matching("PersistentVolumeClaim \"data\" is invalid")).isEmpty();
        assertThat(catalog.get("plain").diagnostics().isEmpty()).as("an entry without diagnostics").isTrue();
    }

    @Test
    void aSignalThatIsNoRegularExpressionIsRefusedNamingIt() {
        Diagnostics.FailureMode broken = new Diagnostics.FailureMode("s", List.of("oops ("), "c", "f");

        assertThatThrownBy(() -> broken.matches("anything")).hasMessageContaining("\"oops (\"")
                .hasMessageContaining("not a regular expression");
    }

    @Test
    void everyCatalogAppCarriesItsFailureModes() {
        List<CatalogEntry> entries = Catalog.load(SHIPPED).entries();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(19);
        for (CatalogEntry e : entries) {
            Diagnostics d = e.diagnostics();
            assertThat(d.pods()).as(e.name() + " pods").isNotEmpty();
            assertThat(d.needs()).as(e.name() + " needs").isNotEmpty();
            assertThat(d.logs()).as(e.name() + " log lines").isNotEmpty();
            assertThat(d.failureModes()).as(e.name() + " failure modes").hasSizeGreaterThanOrEqualTo(2);
            for (Diagnostics.FailureMode m : d.failureModes()) {
                String what = e.name() + ": " + m.symptom();
                assertThat(m.symptom()).as(what).isNotBlank();
                assertThat(m.cause()).as(what + " cause").isNotBlank();
                assertThat(m.fix()).as(what + " fix").isNotBlank();
                assertThat(m.patterns()).as(what + " signals (each a valid regular expression)").isNotEmpty();
            }
        }
    }

    private static String camel(String words) {
        StringBuilder s = new StringBuilder();
        for (String w : words.split("-")) {
            s.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return s.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A fix names real things: the values files it edits, the sikifanso commands and flags, the catalog's apps. */
    @Test
    void theFixesNameCommandsAndFilesThatExist() {
        Catalog catalog = Catalog.load(SHIPPED);
        for (CatalogEntry e : catalog.entries()) {
            for (Diagnostics.FailureMode m : e.diagnostics().failureModes()) {
                for (String word : m.fix().split("[\\s,;:()]+")) {
                    if (word.startsWith("catalog/values/")) {
                        assertThat(SHIPPED.resolve(word)).as(e.name() + ": " + m.fix()).exists();
                    }
                }
                java.util.regex.Matcher command = java.util.regex.Pattern
                        .compile("sikifanso ([a-z]+) ([a-z-]+)((?: --?[a-z-]+)*)").matcher(m.fix());
                while (command.find()) {
                    Path source = Path.of("src/main/java/com/sikifanso/cli", camel(command.group(1))
                            + camel(command.group(2)) + "Command.java");
                    assertThat(source).as(e.name() + " names the command " + command.group()).exists();
                    for (String flag : command.group(3).trim().split(" ")) {
                        if (!flag.isEmpty()) {
                            assertThat(read(source) + read(source.resolveSibling("AgentSpecOptions.java")))
                                    .as(e.name() + ": " + command.group()).contains("\"" + flag + "\"");
                        }
                    }
                }
                java.util.regex.Matcher app = java.util.regex.Pattern
                        .compile("sikifanso app (?:status|sync|logs|rotate-credentials|enable) ([a-z0-9-]+)")
                        .matcher(m.fix());
                while (app.find()) {
                    if (!app.group(1).equals("APP")) {
                        assertThat(catalog.contains(app.group(1))).as(e.name() + " names app " + app.group(1)).isTrue();
                    }
                }
            }
        }
    }
}
