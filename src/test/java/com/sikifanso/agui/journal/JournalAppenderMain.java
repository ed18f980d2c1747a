package com.sikifanso.agui.journal;

import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A separate process appending to a journal, for the multi-process and crash tests and bench/events.sh:
 * {@code DIR WRITER COUNT PAD_BYTES MAX_FILE_BYTES KEPT_FILES}; COUNT 0 appends until killed. Each event is a
 * {@code CUSTOM} event {@code {"writer":W,"n":i,"pad":"lorem ipsum …"}}, in run {@code run-W}.
 */
public final class JournalAppenderMain {
    private JournalAppenderMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String writer = args[1];
        long count = Long.parseLong(args[2]);
        // Words, not one long run of letters: kube.Redactor's patterns take quadratic time on a long identifier-like run.
        String pad = "lorem ipsum ".repeat(Integer.parseInt(args[3]) / 12 + 1).substring(0, Integer.parseInt(args[3]));
        JournalOptions options = new JournalOptions(Long.parseLong(args[4]), Integer.parseInt(args[5]),
                new SecretRedactor(), Clock.systemUTC());
        ActivityJournal journal = new ActivityJournal(dir, options);
        long start = System.nanoTime();
        for (long i = 1; count == 0 || i <= count; i++) {
            journal.append("run-" + writer, new AguiEvent.Custom("bench", AguiJson.MAPPER.valueToTree(
                    Map.of("writer", writer, "n", i, "pad", pad)), System.currentTimeMillis()));
        }
        System.out.println((System.nanoTime() - start) / 1_000_000);
    }
}
