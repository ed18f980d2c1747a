package com.sikifanso.agui.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The journal's files as bytes on disk, read without the journal's own code, for the tests to judge. */
record RawJournal(List<JsonNode> lines, String tornTail) {

    /** Reads every file (oldest first); fails on a complete line that is not JSON, or a torn line not last. */
    static RawJournal read(Path dir) throws IOException {
        List<Path> files = new ArrayList<>(new JournalFiles(dir).rotated());
        files.add(dir.resolve(JournalFiles.CURRENT));
        List<JsonNode> lines = new ArrayList<>();
        String torn = "";
        for (Path f : files) {
            assertThat(torn).as("only the current file's last line may be torn").isEmpty();
            if (!Files.exists(f)) {
                continue;
            }
            String text = Files.readString(f, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n') + 1;
            torn = text.substring(end);
            for (String line : text.substring(0, end).split("\n", -1)) {
                if (!line.isEmpty()) {
                    lines.add(AguiJson.MAPPER.readTree(line));
                }
            }
        }
        return new RawJournal(lines, torn);
    }

    List<Long> sequences() {
        return lines.stream().map(l -> l.get("seq").asLong()).toList();
    }

    /** Sequences go up by exactly one from line to line, across files. */
    void assertContiguous() {
        List<Long> seqs = sequences();
        for (int i = 1; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("sequence after %s", seqs.get(i - 1)).isEqualTo(seqs.get(i - 1) + 1);
        }
    }
}
