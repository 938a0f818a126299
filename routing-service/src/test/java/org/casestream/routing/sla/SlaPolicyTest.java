package org.casestream.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.casestream.events.Priority;
import org.casestream.events.Tier;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final BusinessCalendar office = BusinessCalendar.weekdays("office", BERLIN, LocalTime.of(9, 0),
            LocalTime.of(17, 0), Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));

    @Test
    void roundTheClockTargetsAreSimplyAdded() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T23:30:00Z"), ZoneOffset.UTC); // a Saturday night
        SlaPolicy policy = new SlaPolicy(List.of(new SlaTerms(Priority.CRITICAL, Tier.PLATINUM, Duration.ofMinutes(15),
                Duration.ofHours(4), null)), List.of());

        SlaDue due = policy.due(clock.instant(), Priority.CRITICAL, Tier.PLATINUM).orElseThrow();

        assertThat(due.firstResponseDue()).isEqualTo(Instant.parse("2026-11-21T23:45:00Z"));
        assertThat(due.resolutionDue()).isEqualTo(Instant.parse("2026-11-22T03:30:00Z"));
        assertThat(due.policy()).isEqualTo("critical/platinum");
        assertThat(policy.due(clock.instant(), Priority.LOW, Tier.PLATINUM)).isEmpty();
    }

    @Test
    void businessHoursSkipTheWeekend() {
        // Friday 16:00 in Berlin (15:00 UTC in winter): one hour left on Friday, the rest from Monday 09:00
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T15:00:00Z"), ZoneOffset.UTC);
        SlaPolicy policy = new SlaPolicy(List.of(new SlaTerms(Priority.MEDIUM, Tier.STANDARD, Duration.ofHours(2),
                Duration.ofHours(16), "office")), List.of(office));

        SlaDue due = policy.due(clock.instant(), Priority.MEDIUM, Tier.STANDARD).orElseThrow();

        assertThat(due.firstResponseDue()).isEqualTo(Instant.parse("2026-11-30T09:00:00Z")); // Mon 10:00 Berlin
        // 1 h Friday + 8 h Monday + 7 h Tuesday → Tuesday 16:00 Berlin
        assertThat(due.resolutionDue()).isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
        assertThat(due.policy()).isEqualTo("medium/standard@office");
    }

    @Test
    void openedOnASaturdayTheClockStartsOnMonday() {
        Instant saturday = Instant.parse("2026-11-28T10:00:00Z");
        assertThat(office.plus(saturday, Duration.ofMinutes(30))).isEqualTo(Instant.parse("2026-11-30T08:30:00Z"));
    }

    @Test
    void holidaysAreSkipped() {
        // Thursday 24 Dec 16:30 Berlin; 25 Dec (Fri) is a holiday, then the weekend, then 28 Dec also a holiday
        Instant start = Instant.parse("2026-12-24T15:30:00Z");
        Instant due = office.plus(start, Duration.ofHours(2));
        // 30 min on the 24th, then 90 min from Tuesday 29 Dec 09:00 → 10:30 Berlin = 09:30 UTC
        assertThat(due).isEqualTo(Instant.parse("2026-12-29T09:30:00Z"));
    }

    @Test
    void theWorkingDayFollowsDaylightSavingTime() {
        // Berlin leaves summer time on Sunday 25 Oct 2026: Friday 09:00 is 07:00 UTC, Monday 09:00 is 08:00 UTC
        Instant fridayAfternoon = Instant.parse("2026-10-23T14:00:00Z"); // 16:00 CEST
        Instant due = office.plus(fridayAfternoon, Duration.ofHours(2));
        assertThat(due).isEqualTo(Instant.parse("2026-10-26T09:00:00Z")); // Monday 10:00 CET
    }

    @Test
    void theSameTargetsInAnotherTimeZoneGiveOtherInstants() {
        BusinessCalendar newYork = BusinessCalendar.weekdays("ny", NEW_YORK, LocalTime.of(9, 0), LocalTime.of(17, 0),
                Set.of());
        Instant start = Instant.parse("2026-11-23T16:00:00Z"); // Monday: 17:00 Berlin (closed), 11:00 New York
        assertThat(office.plus(start, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(newYork.plus(start, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-11-23T17:00:00Z"));
        // New York's own DST change (1 Nov 2026): Friday 30 Oct 16:00 EDT + 2 h → Monday 10:00 EST
        assertThat(newYork.plus(Instant.parse("2026-10-30T20:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-11-02T15:00:00Z"));
    }
}
