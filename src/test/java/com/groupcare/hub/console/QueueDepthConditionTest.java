package com.groupcare.hub.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue rules on their own: depths from a fake broker, time from a clock the test moves. */
class QueueDepthConditionTest {

    private final Map<String, Long> depths = new HashMap<>();
    private final MovableClock clock = new MovableClock();
    private final AlertSettings settings = settings(List.of(
            new AlertSettings.QueueDepth("hr.records", 1000L, Duration.ofMinutes(10), true),
            new AlertSettings.QueueDepth("claims.records", 5L, Duration.ofMinutes(1), false)));
    private final QueueDepthCondition condition = new QueueDepthCondition(() -> () -> Map.copyOf(depths), settings, clock);

    @Test
    void firesOnlyOnceTheQueueHasBeenOverForTheWholeDuration() {
        depths.put("hr.records", 1500L);
        assertThat(condition.firing()).isEmpty();
        clock.advance(Duration.ofMinutes(9));
        assertThat(condition.firing()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(condition.firing()).containsExactly(new Firing("hr.records", "1500 messages on hr.records, over 1000 for 10 min"));
    }

    @Test
    void aDipUnderTheThresholdStartsTheDurationAgain() {
        depths.put("hr.records", 1500L);
        condition.firing();
        clock.advance(Duration.ofMinutes(8));
        depths.put("hr.records", 1000L);
        assertThat(condition.firing()).isEmpty();
        depths.put("hr.records", 1200L);
        condition.firing();
        clock.advance(Duration.ofMinutes(9));
        assertThat(condition.firing()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(condition.firing()).extracting(Firing::subject).containsExactly("hr.records");
    }

    @Test
    void queuesWithoutARuleOfTheirOwnHaveTheDefaultAndASilencedQueueNone() {
        depths.put("payment.files", 10_001L);
        depths.put("claims.records", 1_000_000L);
        condition.firing();
        clock.advance(Duration.ofMinutes(15));
        assertThat(condition.firing()).extracting(Firing::subject).containsExactly("payment.files");
    }

    @Test
    void withoutABrokerSourceNothingFires() {
        QueueDepthCondition noBroker = new QueueDepthCondition(() -> null, settings, clock);
        assertThat(noBroker.firing()).isEmpty();
    }

    @Test
    void deadLettersWaitingFireAtOnce() {
        depths.put("DLQ.hr.records", 2L);
        depths.put("DLQ.claims.records", 0L);
        depths.put("hr.records", 3L);
        var source = new org.springframework.beans.factory.support.StaticListableBeanFactory(
                Map.of("queues", (QueueDepths) () -> Map.copyOf(depths))).getBeanProvider(QueueDepths.class);
        assertThat(new DeadLetterCondition(source, settings).firing())
                .containsExactly(new Firing("DLQ.hr.records", "2 dead letters waiting on DLQ.hr.records"));
    }

    static AlertSettings settings(List<AlertSettings.QueueDepth> queues) {
        return new AlertSettings(Duration.ofSeconds(30), (String) null, Duration.ofSeconds(5), Duration.ofDays(90),
                new AlertSettings.FileFailed(true, Duration.ofHours(24)), new AlertSettings.Switch(true),
                new AlertSettings.Switch(true), new AlertSettings.Switch(true),
                new AlertSettings.DefaultQueueDepth(true, 10_000L, Duration.ofMinutes(15)), queues);
    }

    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-02T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
