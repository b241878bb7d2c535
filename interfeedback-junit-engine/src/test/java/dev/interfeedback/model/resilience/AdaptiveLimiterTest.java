package dev.interfeedback.model.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AdaptiveLimiterTest {

    @Test
    void startsAtTheMaximumAndNeverLetsMoreIn() throws Exception {
        AdaptiveLimiter limiter = new AdaptiveLimiter("e", 3);
        List<AdaptiveLimiter.Permit> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) held.add(limiter.acquire());
        AtomicBoolean fourthIn = new AtomicBoolean();
        Thread fourth = new Thread(() -> {
            try {
                limiter.acquire().success();
                fourthIn.set(true);
            } catch (InterruptedException ignored) {
                // the test ends it
            }
        });
        fourth.start();
        fourth.join(100);
        assertThat(fourthIn).isFalse();
        assertThat(limiter.inFlight()).isEqualTo(3);

        held.get(0).success();
        fourth.join(2000);
        assertThat(fourthIn).isTrue();
    }

    @Test
    void aBurstOf429sFromOneWindowHalvesTheLimitOnce() throws Exception {
        AdaptiveLimiter limiter = new AdaptiveLimiter("e", 16);
        List<AdaptiveLimiter.Permit> burst = new ArrayList<>();
        for (int i = 0; i < 16; i++) burst.add(limiter.acquire());
        for (AdaptiveLimiter.Permit permit : burst) permit.rateLimited(Optional.empty());
        assertThat(limiter.limit()).isEqualTo(8);

        // A 429 on a call sent under the new limit halves it again.
        limiter.acquire().rateLimited(Optional.empty());
        assertThat(limiter.limit()).isEqualTo(4);
    }

    @Test
    void theLimitGrowsBackSlowlyToTheMaximum() throws Exception {
        AdaptiveLimiter limiter = new AdaptiveLimiter("e", 8);
        limiter.acquire().rateLimited(Optional.empty());
        limiter.acquire().rateLimited(Optional.empty());
        limiter.acquire().rateLimited(Optional.empty());
        assertThat(limiter.limit()).isEqualTo(1);

        limiter.acquire().success();
        assertThat(limiter.limit()).isEqualTo(2);
        // From 2, one more slot takes three successes: about one slot per round of calls.
        limiter.acquire().success();
        limiter.acquire().success();
        assertThat(limiter.limit()).isEqualTo(2);
        limiter.acquire().success();
        assertThat(limiter.limit()).isEqualTo(3);
        for (int i = 0; i < 100; i++) limiter.acquire().success();
        assertThat(limiter.limit()).isEqualTo(8);
    }

    @Test
    void retryAfterPausesEveryCaller() throws Exception {
        AdaptiveLimiter limiter = new AdaptiveLimiter("e", 4);
        limiter.acquire().rateLimited(Optional.of(Duration.ofMillis(150)));
        long start = System.nanoTime();
        limiter.acquire().success();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(140);
    }

    @Test
    void otherFailuresFreeTheSlotAndLeaveTheLimit() throws Exception {
        AdaptiveLimiter limiter = new AdaptiveLimiter("e", 2);
        limiter.acquire().failed();
        limiter.acquire().failed();
        assertThat(limiter.limit()).isEqualTo(2);
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void manyThreadsNeverExceedTheLimit() throws Exception {
        AdaptiveLimiter limiter = new AdaptiveLimiter("e", 5);
        int threads = 20;
        CountDownLatch done = new CountDownLatch(threads);
        AtomicBoolean exceeded = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger current = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                try {
                    for (int i = 0; i < 50; i++) {
                        AdaptiveLimiter.Permit p = limiter.acquire();
                        if (current.incrementAndGet() > 5) exceeded.set(true);
                        Thread.onSpinWait();
                        current.decrementAndGet();
                        p.success();
                    }
                } catch (InterruptedException ignored) {
                    // not interrupted here
                } finally {
                    done.countDown();
                }
            }).start();
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(exceeded).isFalse();
        assertThat(limiter.inFlight()).isZero();
    }
}
