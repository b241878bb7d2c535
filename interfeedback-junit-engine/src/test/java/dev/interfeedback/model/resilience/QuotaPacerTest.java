package dev.interfeedback.model.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.model.http.RateLimits;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

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
    void aLateStartDoesNotDelayTheNext() {
        tenASecond();
        assertThat(pacer.startOrWait(0)).isZero();
        assertThat(pacer.startOrWait(40 * MS)).isEqualTo(60 * MS);
        // Due at 100 ms, its thread woke at 130 ms: the next is still due at 200 ms, not 230 ms.
        assertThat(pacer.startOrWait(130 * MS)).isZero();
        assertThat(pacer.startOrWait(150 * MS)).isEqualTo(50 * MS);
        assertThat(pacer.startOrWait(200 * MS)).isZero();
    }

    @Test
    void anIdlePacerMakesUpOneStartAndThenSpacesAgain() {
        tenASecond();
        assertThat(pacer.startOrWait(0)).isZero();
        assertThat(pacer.startOrWait(10_000 * MS)).isZero();
        assertThat(pacer.startOrWait(10_000 * MS)).as("one start made up").isZero();
        assertThat(pacer.startOrWait(10_000 * MS)).as("then spaced again, no burst").isEqualTo(100 * MS);
    }

    @Test
    void wakeUpsLateByUpToAnIntervalCostNoThroughput() {
        tenASecond();
        long t = 0;
        int starts = 0;
        for (int i = 0; i < 1000; i++) {
            long wait = pacer.startOrWait(t);
            if (wait == 0) {
                starts++;
            } else {
                // Every wake-up comes 0 to 90 ms late, as a loaded machine schedules them.
                t += wait + (i * 37 % 10) * 10 * MS;
            }
        }
        // Counted from wake-ups, the mean lateness (about 45 ms) would cost a third of the rate.
        double held = starts / (t / (100.0 * MS) + 1);
        assertThat(held).as("starts against the quota's %d over %d ms", t / (100 * MS) + 1, t / MS)
                .isGreaterThanOrEqualTo(0.99).isLessThanOrEqualTo(1.0);
    }

    @Test
    void awaitTurnReturnsAtOnceWhenTheStartIsDue() throws InterruptedException {
        tenASecond();
        pacer.awaitTurn();
        now.set(100 * MS);
        pacer.awaitTurn();
        assertThat(pacer.startOrWait(100 * MS)).isEqualTo(100 * MS);
    }

    @Test
    void withoutHeadersEveryCallStartsAtOnce() throws InterruptedException {
        pacer.observe(new RateLimits(-1, -1, -1, -1, -1, -1, 500));
        for (int i = 0; i < 100; i++) pacer.awaitTurn();
        assertThat(pacer.intervalNanos()).isZero();
    }
}
