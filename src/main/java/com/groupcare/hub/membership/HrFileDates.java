package com.groupcare.hub.membership;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The HR file date against the calendar. A file dated far ahead (a typo, 2099 for 2026) would end
 * cover by age limits and leave dates still to come, then make every real file after it "older":
 * it is refused whole. The calendar sweep never runs at a day still to come.
 * "Today" comes from the application's {@link Clock} when there is one, else the system's.
 */
@Component
class HrFileDates {

    private final Clock clock;
    private final int maxDaysAhead;

    @Autowired
    HrFileDates(ObjectProvider<Clock> clock, @Value("${hub.hr.max-days-ahead:1}") int maxDaysAhead) {
        this(clock.getIfAvailable(Clock::systemDefaultZone), maxDaysAhead);
    }

    HrFileDates(Clock clock, int maxDaysAhead) {
        this.clock = clock;
        this.maxDaysAhead = maxDaysAhead;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Null when a file of this date may apply, or why it is refused. */
    String refusal(LocalDate fileDate) {
        LocalDate today = today();
        if (!fileDate.isAfter(today.plusDays(maxDaysAhead))) {
            return null;
        }
        return "the file is dated " + fileDate + ", more than " + maxDaysAhead + " day(s) after today (" + today
                + ", hub.hr.max-days-ahead): applied, it would end cover by dates still to come and refuse every "
                + "later file as older; send it again with its real date";
    }

    /** The day age limits and passed leave dates are checked against: the file date, never a day to come. */
    LocalDate sweepDate(LocalDate fileDate) {
        LocalDate today = today();
        return fileDate.isAfter(today) ? today : fileDate;
    }
}
