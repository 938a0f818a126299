package org.casestream.routing.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casestream.routing.sla.BusinessCalendar;

/** A calendar as the config API and the table hold it: zone id, windows per weekday, holidays. */
public record CalendarDocument(String name, String zone, Map<DayOfWeek, List<WindowDocument>> weekly,
                               List<LocalDate> holidays) {

    public record WindowDocument(LocalTime open, LocalTime close) {
    }

    public BusinessCalendar toCalendar() {
        Map<DayOfWeek, List<BusinessCalendar.Window>> windows = new EnumMap<>(DayOfWeek.class);
        if (weekly != null) {
            weekly.forEach((day, list) -> windows.put(day,
                    list.stream().map(w -> new BusinessCalendar.Window(w.open(), w.close())).toList()));
        }
        return new BusinessCalendar(name, ZoneId.of(zone), windows, holidays == null ? Set.of() : Set.copyOf(holidays));
    }
}
