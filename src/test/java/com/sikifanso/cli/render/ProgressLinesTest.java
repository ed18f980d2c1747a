package com.sikifanso.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {
    @Test
    void onATerminalAnUpdateRedrawsTheCurrentLineAndOnlyTheLastTextStaysBehind() {
        StringWriter out = new StringWriter();
        try (ProgressLines p = new ProgressLines(new PrintWriter(out), true)) {
            p.accept("pulling img");
            p.update("pulling img: 0/1 layers, 0.1 of 1.0 MB, 1.0 MB/s");
            p.update("pulling img: 1/1 layers, 1.0 of 1.0 MB, 2.0 MB/s");
            p.accept("pulled img (1 layer, 1.0 MB in 0.5s)");
        }
        String screen = out.toString();
        assertThat(screen).contains("\r\u001b[K| pulling img: 0/1 layers");
        // What stays on screen: the last figures (they replaced "pulling img") and the summary.
        assertThat(screen).doesNotContain("pulling img\n");
        assertThat(screen).contains("pulling img: 1/1 layers, 1.0 of 1.0 MB, 2.0 MB/s\n");
        assertThat(screen).endsWith("pulled img (1 layer, 1.0 MB in 0.5s)\n");
    }

    @Test
    void withoutATerminalUpdatesRightAfterAStepAreNotPrinted() {
        StringWriter out = new StringWriter();
        try (ProgressLines p = new ProgressLines(new PrintWriter(out), false)) {
            p.accept("pulling img");
            p.update("pulling img: 0/1 layers, 0.1 of 1.0 MB, 1.0 MB/s");
            p.accept("pulled img");
        }
        assertThat(out.toString().lines()).hasSize(2).noneMatch(l -> l.contains("layers"));
    }
}
