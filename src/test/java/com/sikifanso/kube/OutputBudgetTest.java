package com.sikifanso.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutputBudgetTest {
    private static List<String> lines(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "line " + i).toList();
    }

    @Test
    void keepsTheLastLinesAndSaysWhatItCut() {
        OutputBudget.Kept kept = new OutputBudget(3, 16 * 1024).keepLast(lines(10), "ask for more");

        assertThat(kept.lines()).containsExactly("line 8", "line 9", "line 10");
        assertThat(kept.truncated()).isTrue();
        assertThat(kept.note()).isEqualTo("showing the last 3 of 10 lines (budget 3 lines / 16 KB); ask for more");
    }

    @Test
    void theByteBudgetCutsToo() {
        OutputBudget.Kept kept = new OutputBudget(1000, 20).keepLast(lines(10), "more");

        assertThat(kept.lines()).containsExactly("line 9", "line 10");
        assertThat(kept.truncated()).isTrue();
    }

    @Test
    void withinBudgetNothingIsCutAndNothingIsSaid() {
        OutputBudget.Kept kept = OutputBudget.DEFAULT.keepLast(lines(5), "more");

        assertThat(kept.lines()).hasSize(5);
        assertThat(kept.truncated()).isFalse();
        assertThat(kept.note()).isNull();
    }
}
