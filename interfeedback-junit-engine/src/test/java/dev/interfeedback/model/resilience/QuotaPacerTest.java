package dev.interfeedback.model.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.model.http.RateLimits;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pacer's schedule on a clock the test moves: no thread waits, no time is measured. */
class QuotaPacerTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final QuotaPacer pacer = new QuotaPacer(now::get);

    /** 10 starts a second: 100 requests per 10 s with none left. */
    private void tenASecond() {
        pacer.observe(new RateLimits(100, 0, 10_000 * MS, -1, -1, -1, 0));
        assertThat(pacer.intervalNanos()).isEqualTo(100 * MS);
    }

    @Test
    void eachStartIsReservedOneSpacingAfterTheOneBefore() {
        tenASecond();
        assertThat(pacer.reserve(0)).isZero();
        assertThat(pacer.reserve(0)).isEqualTo(100 * MS);
        assertThat(pacer.reserve(40 * MS)).isEqualTo(160 * MS);
        // However late the threads of those starts wake, the next is due at 300 ms.
        assertThat(pacer.reserve(250 * MS)).isEqualTo(50 * MS);
    }

    @Test
    void anIdlePacerMakesUpOneStartAndThenSpacesAgain() {
        tenASecond();
        assertThat(pacer.reserve(0)).isZero();
        assertThat(pacer.reserve(10_000 * MS)).isZero();
        assertThat(pacer.reserve(10_000 * MS)).as("one start made up").isZero();
        assertThat(pacer.reserve(10_000 * MS)).as("then spaced again, no burst").isEqualTo(100 * MS);
    }

    @Test
    void wakeUpsLateByAnyAmountCostNoThroughputWhileCallsWait() {
        tenASecond();
        // 50 calls, each reserving its next start as soon as it starts; each call's thread wakes
        // 0 to 900 ms after its start was due, as a loaded machine schedules threads.
        PriorityQueue<Long> wakeUps = new PriorityQueue<>();
        long lastDue = 0;
        for (int call = 0; call < 50; call++) {
            lastDue = pacer.reserve(0);
            wakeUps.add(lastDue + call % 10 * 100 * MS);
        }
        for (int start = 0; start < 2000; start++) {
            long woke = wakeUps.poll();
            lastDue = woke + pacer.reserve(woke);
            wakeUps.add(lastDue + start * 37 % 10 * 100 * MS);
        }
        // Back to back, 100 ms apart: counted from wake-ups, the mean lateness (450 ms) would cut
        // the rate to less than a fifth.
        assertThat(lastDue).isEqualTo(2049 * 100 * MS);
    }

    @Test
    @Timeout(5) // "at once": a pacer that slept even 100 ms a call would not finish in time
    void awaitTurnReturnsAtOnceWhenTheStartIsDue() throws InterruptedException {
        tenASecond();
        pacer.awaitTurn();
        now.set(100 * MS);
        pacer.awaitTurn();
        assertThat(pacer.reserve(100 * MS)).isEqualTo(100 * MS);
    }

    @Test
    @Timeout(5) // 100 calls: a pacer that slept even 100 ms a call would not finish in time
    void withoutHeadersEveryCallStartsAtOnce() throws InterruptedException {
        pacer.observe(new RateLimits(-1, -1, -1, -1, -1, -1, 500));
        for (int i = 0; i < 100; i++) pacer.awaitTurn();
        assertThat(pacer.intervalNanos()).isZero();
    }
}
