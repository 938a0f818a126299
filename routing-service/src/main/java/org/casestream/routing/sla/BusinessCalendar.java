package org.casestream.routing.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Working hours in a time zone: per weekday zero or more windows, and holidays with none. SLA clocks run only
 * inside the windows. Window edges are local times, so a DST change moves them in UTC as it should.
 */
public record BusinessCalendar(String name, ZoneId zone, Map<DayOfWeek, List<Window>> weekly, Set<LocalDate> holidays) {

    /** Ten years: a calendar with no working time at all must fail, not loop. */
    private static final int MAX_DAYS = 3660;

    public record Window(LocalTime open, LocalTime close) {
        public Window {
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(close, "close");
            if (!close.isAfter(open)) {
                throw new IllegalArgumentException("a window must close after it opens");
            }
        }
    }

    public BusinessCalendar {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<Window>> copy = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, windows) -> copy.put(day,
                windows.stream().sorted(Comparator.comparing(Window::open)).toList()));
        weekly = Map.copyOf(copy);
        holidays = Set.copyOf(holidays);
    }

    /** Monday to Friday, {@code open} to {@code close}, no holidays. */
    public static BusinessCalendar weekdays(String name, ZoneId zone, LocalTime open, LocalTime close,
            Set<LocalDate> holidays) {
        Map<DayOfWeek, List<Window>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                weekly.put(day, List.of(new Window(open, close)));
            }
        }
        return new BusinessCalendar(name, zone, weekly, holidays);
    }

    /** The instant at which {@code work} of working time has passed since {@code start}. */
    public Instant plus(Instant start, Duration work) {
        if (work.isNegative()) {
            throw new IllegalArgumentException("work must not be negative");
        }
        Duration remaining = work;
        LocalDate date = start.atZone(zone).toLocalDate();
        for (int day = 0; day < MAX_DAYS; day++, date = date.plusDays(1)) {
            if (holidays.contains(date)) {
                continue;
            }
            for (Window window : weekly.getOrDefault(date.getDayOfWeek(), List.of())) {
                Instant opens = ZonedDateTime.of(date, window.open(), zone).toInstant();
                Instant closes = ZonedDateTime.of(date, window.close(), zone).toInstant();
                Instant from = start.isAfter(opens) ? start : opens;
                if (!from.isBefore(closes)) {
                    continue;
                }
                Duration available = Duration.between(from, closes);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("calendar " + name + " has no working time in ten years");
    }
}
