package com.groupcare.hub.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.groupcare.hub.exchange.FileFeed;
import com.groupcare.hub.exchange.FileFeeds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a flow's file is due and when it is late, on a fixed clock; a schedule that cannot be right stops the hub. */
class ExpectedFilesTest {

    static final ZoneId TUNIS = ZoneId.of("Africa/Tunis");
    static final ConsoleSettings.Schedule WORKING_DAYS = new ConsoleSettings.Schedule("0 0 7 * * MON-FRI", "HR delta by 07:00");

    static ExpectedFiles at(String localTime, Map<String, ConsoleSettings.Schedule> schedules) {
        Clock clock = Clock.fixed(LocalDateTime.parse(localTime).atZone(TUNIS).toInstant(), TUNIS);
        FileFeed hr = org.mockito.Mockito.mock(FileFeed.class);
        org.mockito.Mockito.when(hr.flow()).thenReturn("hr-sync");
        return new ExpectedFiles(new ConsoleSettings(schedules, Map.of(), List.of()), new FileFeeds(List.of(hr)),
                Optional.of(clock));
    }

    static Instant tunis(String localTime) {
        return LocalDateTime.parse(localTime).atZone(TUNIS).toInstant();
    }

    @Test
    void aWorkingDayFileIsLateOnceItsDueTimePassesWithNothingSinceTheDueTimeBefore() {
        // Wednesday 2 December 2026, 08:00: due at 07:00 today, the window opened on Tuesday at 07:00
        ExpectedFiles.Due due = at("2026-12-02T08:00", Map.of("hr-sync", WORKING_DAYS)).due("hr-sync").orElseThrow();
        assertThat(due.due()).isEqualTo(tunis("2026-12-02T07:00"));
        assertThat(due.windowStart()).isEqualTo(tunis("2026-12-01T07:00"));
        assertThat(due.lateWith(null)).as("never a file").isTrue();
        assertThat(due.lateWith(tunis("2026-12-01T06:59"))).as("the last came before the window").isTrue();
        assertThat(due.lateWith(tunis("2026-12-01T18:30"))).as("Tuesday evening's delta").isFalse();
        assertThat(due.lateWith(tunis("2026-12-02T07:40"))).as("late, but it came").isFalse();
        assertThat(due.description()).isEqualTo("HR delta by 07:00");
    }

    @Test
    void onMondayTheWindowReachesBackToFriday() {
        ExpectedFiles.Due due = at("2026-12-07T09:00", Map.of("hr-sync", WORKING_DAYS)).due("hr-sync").orElseThrow();
        assertThat(due.windowStart()).isEqualTo(tunis("2026-12-04T07:00"));
        assertThat(due.lateWith(tunis("2026-12-05T10:00"))).as("a Saturday file counts").isFalse();
    }

    @Test
    void aFlowWithoutScheduleIsNeverLateAndABadScheduleStopsTheHub() {
        assertThat(at("2026-12-02T08:00", Map.of()).due("hr-sync")).isEmpty();
        assertThatThrownBy(() -> at("2026-12-02T08:00", Map.of("hr-sync", new ConsoleSettings.Schedule("0 0 7 * MON-FRI", null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("hub.console.expected-files.hr-sync.cron is not a cron");
        assertThatThrownBy(() -> at("2026-12-02T08:00", Map.of("hr-synk", WORKING_DAYS)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the hub has no inbound flow hr-synk");
    }
}
