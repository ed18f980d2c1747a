package com.sikifanso.cli.browse;

import com.sikifanso.cli.browse.CatalogBrowser.Decision;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The browser on the user's terminal (JLine): the alternate screen in raw mode, keys to the model, the model's
 * lines drawn as a diff of the last screen, redrawn when the window is resized. Leaves the screen as it found it.
 */
public final class TerminalBrowser {
    private final CatalogBrowser model;
    private final BrowserScreen screen;
    private final boolean colour;

    public TerminalBrowser(CatalogBrowser model, BrowserScreen screen, boolean colour) {
        this.model = model;
        this.screen = screen;
        this.colour = colour;
    }

    /** Runs until the user applies or cancels; nothing is written here, the caller acts on the decision. */
    public Decision run() {
        // The exec provider (stty) needs no native library and no JVM flag; Ctrl+C arrives as a key (ISIG off).
        try (Terminal terminal = TerminalBuilder.builder().system(true).provider("exec").nativeSignals(true)
                .build()) {
            Attributes saved = terminal.enterRawMode();
            Attributes raw = terminal.getAttributes();
            raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
            terminal.setAttributes(raw);
            AtomicBoolean resized = new AtomicBoolean();
            terminal.handle(Terminal.Signal.WINCH, s -> resized.set(true));
            terminal.puts(Capability.enter_ca_mode);
            terminal.puts(Capability.clear_screen);   // the display draws from the top left corner
            terminal.puts(Capability.keypad_xmit);
            terminal.puts(Capability.cursor_invisible);
            try {
                return loop(terminal, resized);
            } finally {
                terminal.puts(Capability.cursor_visible);
                terminal.puts(Capability.keypad_local);
                terminal.puts(Capability.exit_ca_mode);
                terminal.setAttributes(saved);
                terminal.flush();
            }
        } catch (IOException e) {
            throw SikifansoException.failure("the terminal failed: " + e.getMessage(),
                    "run it in another terminal, or use sikifanso app enable NAME / app disable NAME", e);
        }
    }

    private Decision loop(Terminal terminal, AtomicBoolean resized) throws IOException {
        Display display = new Display(terminal, true);
        NonBlockingReader reader = terminal.reader();
        KeyDecoder keys = new KeyDecoder(reader::read);
        display.resize(terminal.getHeight(), terminal.getWidth());
        draw(display, terminal);
        while (true) {
            Key key = keys.next(200);
            if (resized.getAndSet(false)) {
                display.clear();
                display.resize(terminal.getHeight(), terminal.getWidth());
            }
            if (key != null) {
                Decision decision = model.press(key);
                if (!(decision instanceof Decision.Browsing)) {
                    return decision;
                }
            }
            draw(display, terminal);
        }
    }

    private void draw(Display display, Terminal terminal) {
        // a list Display may change: JLine 3's drops trailing blank lines from it
        List<AttributedString> lines = screen.render(model, terminal.getWidth(), terminal.getHeight()).stream()
                .map(this::attributed).collect(Collectors.toCollection(ArrayList::new));
        display.update(lines, 0);
        terminal.flush();
    }

    private AttributedString attributed(StyledLine line) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        for (StyledLine.Piece piece : line.pieces()) {
            b.style(colour || piece.style() == StyledLine.Style.INVERSE ? style(piece.style())
                    : AttributedStyle.DEFAULT).append(piece.text());
        }
        return b.toAttributedString();
    }

    private static AttributedStyle style(StyledLine.Style style) {
        AttributedStyle d = AttributedStyle.DEFAULT;
        return switch (style) {
            case PLAIN -> d;
            case BOLD -> d.bold();
            case DIM -> d.faint();
            case GREEN -> d.foreground(AttributedStyle.GREEN);
            case YELLOW -> d.foreground(AttributedStyle.YELLOW);
            case RED -> d.foreground(AttributedStyle.RED);
            case CYAN -> d.foreground(AttributedStyle.CYAN).bold();
            case INVERSE -> d.inverse();
        };
    }
}
