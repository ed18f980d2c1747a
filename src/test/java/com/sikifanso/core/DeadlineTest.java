package com.sikifanso.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");

    @Test
    void passesAtItsInstantAndNeverHasNegativeTimeLeft() {
        Deadline before = Deadline.at(Clock.fixed(NOW, ZoneOffset.UTC), NOW.plusSeconds(5));
        assertThat(before.passed()).isFalse();
        assertThat(before.left()).isEqualTo(Duration.ofSeconds(5));

        Deadline at = Deadline.after(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
        assertThat(at.passed()).isTrue();
        assertThat(Deadline.at(Clock.fixed(NOW, ZoneOffset.UTC), NOW.minusSeconds(1)).left()).isEqualTo(Duration.ZERO);
    }

    @Test
    void anInterruptEndsTheWaitSayingWhatWasAwaitedAndKeepsTheFlag() {
        Deadline deadline = Deadline.after(Clock.systemUTC(), Duration.ofMinutes(1));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> deadline.pause(Duration.ofSeconds(30), "the API server"))
                    .isInstanceOf(SikifansoException.class)
                    .hasMessage("interrupted while waiting for the API server");
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt stays visible to callers").isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
