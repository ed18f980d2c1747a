package com.sikifanso.cli.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What terminals send for each key (xterm and tmux, normal and keypad mode), decoded. */
class KeyDecoderTest {
    @Test
    void arrowsPagingAndHomeEndInBothCursorModes() throws IOException {
        assertThat(decode("\u001b[A\u001bOA\u001b[B\u001bOB\u001b[5~\u001b[6~\u001b[H\u001b[1~\u001b[F\u001b[4~"))
                .containsExactly(new Key.Up(), new Key.Up(), new Key.Down(), new Key.Down(), new Key.PageUp(),
                        new Key.PageDown(), new Key.Home(), new Key.Home(), new Key.End(), new Key.End());
    }

    @Test
    void aLoneEscapeIsEscapeAndAnUnknownSequenceIsIgnored() throws IOException {
        assertThat(decode("\u001b")).containsExactly(new Key.Escape());
        assertThat(decode("\u001b[15~\u001b[1;5C")).containsExactly(new Key.Other(), new Key.Other());
    }

    @Test
    void controlKeysAndText() throws IOException {
        assertThat(decode("\u0003\r\n\u007f\bq/ é\u0001")).containsExactly(new Key.CtrlC(), new Key.Enter(),
                new Key.Enter(), new Key.Backspace(), new Key.Backspace(), new Key.Char('q'), new Key.Char('/'),
                new Key.Char(' '), new Key.Char('é'), new Key.Other());
    }

    @Test
    void theEndOfInputCancelsAndSilenceIsNoKey() throws IOException {
        KeyDecoder silent = new KeyDecoder(timeout -> KeyDecoder.TIMEOUT);
        assertThat(silent.next(10)).isNull();
        assertThat(new KeyDecoder(timeout -> -1).next(10)).isEqualTo(new Key.CtrlC());
    }

    /** Every key in {@code sent}; the input pauses (times out) after its last character, as a terminal does. */
    private static List<Key> decode(String sent) throws IOException {
        Deque<Integer> chars = new ArrayDeque<>();
        sent.chars().forEach(chars::add);
        KeyDecoder decoder = new KeyDecoder(timeout -> chars.isEmpty() ? KeyDecoder.TIMEOUT : chars.poll());
        List<Key> keys = new ArrayList<>();
        for (Key k = decoder.next(0); k != null; k = decoder.next(0)) {
            keys.add(k);
        }
        return keys;
    }
}
