package org.civicgrid.core.cases.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.civicgrid.core.api.cases.CaseLevel;

/**
 * A county's working calendar and deadlines as administrators see and edit them, and as they stand in a
 * configuration ({@link CasesConfiguration}): every value is written as text, lists comma-separated, as the
 * hand-written files in {@code etc/} are, so that the file Configuration Admin writes back reads the same.
 *
 * @param officeHours spans of a working day, e.g. {@code 08:30-12:00,14:00-17:30}
 * @param weekend days off each week
 * @param holidays public holidays (yyyy-mm-dd)
 * @param workedWeekendDays weekend days that are worked (调休, yyyy-mm-dd)
 * @param registerMinutes register and dispatch within (working minutes)
 * @param handleHours handle within (working hours), for categories without their own
 * @param categoryHandleHours handle within per category ({@code road-damage}) or category at a level
 *        ({@code road-damage@COUNTY}), working hours
 * @param verifyHours verify within (working hours)
 * @param escalateAfterOverdueMinutes supervision escalates this long past a deadline; -1 never
 * @param warnBeforeMinutes supervision warns this long before a deadline; -1 never
 */
public record DeadlineSettings(String officeHours, List<String> weekend, List<String> holidays,
                               List<String> workedWeekendDays, Integer registerMinutes, Integer handleHours,
                               Map<String, Integer> categoryHandleHours, Integer verifyHours,
                               Integer escalateAfterOverdueMinutes, Integer warnBeforeMinutes) {

    /** The settings a configuration leaves out take these (the defaults of {@link CasesConfiguration}). */
    static final DeadlineSettings BUILT_IN = new DeadlineSettings("08:30-12:00,14:00-17:30", List.of("SATURDAY", "SUNDAY"),
            List.of(), List.of(), 60, 24, Map.of(), 2, 480, 30);

    /** The configuration properties these settings are kept in. */
    static final List<String> KEYS = List.of("officeHours", "weekend", "holidays", "workedWeekendDays", "registerMinutes",
            "handleHours", "categoryHandleHours", "verifyHours", "escalateAfterOverdueMinutes", "warnBeforeMinutes");

    static final int MAX_MINUTES = 30 * 24 * 60;
    static final int MAX_HOURS = 365 * 24;
    private static final Pattern SPAN = Pattern.compile("(\\d{2}:\\d{2}(?::\\d{2})?)-(\\d{2}:\\d{2}(?::\\d{2})?)");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** These settings with what they leave out (null) taken from {@code defaults}. */
    DeadlineSettings over(DeadlineSettings defaults) {
        return new DeadlineSettings(officeHours != null ? officeHours : defaults.officeHours,
                weekend != null ? weekend : defaults.weekend, holidays != null ? holidays : defaults.holidays,
                workedWeekendDays != null ? workedWeekendDays : defaults.workedWeekendDays,
                registerMinutes != null ? registerMinutes : defaults.registerMinutes,
                handleHours != null ? handleHours : defaults.handleHours,
                categoryHandleHours != null ? categoryHandleHours : defaults.categoryHandleHours,
                verifyHours != null ? verifyHours : defaults.verifyHours,
                escalateAfterOverdueMinutes != null ? escalateAfterOverdueMinutes : defaults.escalateAfterOverdueMinutes,
                warnBeforeMinutes != null ? warnBeforeMinutes : defaults.warnBeforeMinutes);
    }

    /**
     * What is wrong with these (complete) settings, each problem in words an administrator can act on; empty when
     * they are right. Besides the syntax the platform reads, it refuses what would make deadlines meaningless: a
     * week without working days, spans out of order, a date both off and worked, a category that does not exist.
     *
     * @param categories the codes of the categories cases can be reported under now
     */
    List<String> problems(Set<String> categories) {
        List<String> problems = new ArrayList<>();
        officeHoursProblems(officeHours, problems);
        Set<String> days = new HashSet<>();
        for (String day : weekend) {
            try {
                if (!days.add(DayOfWeek.valueOf(day).name())) {
                    problems.add("weekend names " + day + " twice.");
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add("weekend days are MONDAY … SUNDAY, not " + day + ".");
            }
        }
        if (days.size() == 7) {
            problems.add("weekend cannot hold all seven days: there would be no working day.");
        }
        Set<LocalDate> off = dates("holidays", holidays, problems);
        Set<LocalDate> worked = dates("workedWeekendDays", workedWeekendDays, problems);
        for (LocalDate day : worked) {
            if (off.contains(day)) {
                problems.add(day + " is both a holiday and a worked weekend day.");
            }
        }
        range("registerMinutes", registerMinutes, 1, MAX_MINUTES, problems);
        range("handleHours", handleHours, 1, MAX_HOURS, problems);
        range("verifyHours", verifyHours, 1, MAX_HOURS, problems);
        range("escalateAfterOverdueMinutes", escalateAfterOverdueMinutes, -1, MAX_MINUTES, problems);
        range("warnBeforeMinutes", warnBeforeMinutes, -1, MAX_MINUTES, problems);
        categoryHandleHours.forEach((key, hours) -> {
            String category = key == null ? "" : key;
            int at = category.indexOf('@');
            if (at >= 0) {
                String level = category.substring(at + 1);
                category = category.substring(0, at);
                try {
                    CaseLevel.valueOf(level);
                } catch (IllegalArgumentException e) {
                    problems.add("categoryHandleHours: " + key + " names the level " + level + "; levels are "
                            + List.of(CaseLevel.values()) + ".");
                }
            }
            if (!categories.contains(category)) {
                problems.add("categoryHandleHours: there is no category " + category + ".");
            }
            range("categoryHandleHours " + key, hours, 1, MAX_HOURS, problems);
        });
        return problems;
    }

    private static void officeHoursProblems(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add("officeHours are spans of the working day like 08:30-12:00,14:00-17:30; none given.");
            return;
        }
        LocalTime last = null;
        for (String part : text.split(",")) {
            var m = SPAN.matcher(part.strip());
            if (!m.matches()) {
                problems.add("officeHours are written like 08:30-12:00,14:00-17:30, not: " + part.strip());
                continue;
            }
            try {
                LocalTime start = LocalTime.parse(m.group(1));
                LocalTime end = LocalTime.parse(m.group(2));
                if (!start.isBefore(end)) {
                    problems.add("officeHours: " + part.strip() + " ends before it starts.");
                } else if (last != null && start.isBefore(last)) {
                    problems.add("officeHours: " + part.strip() + " overlaps or comes before the span before it.");
                }
                last = end;
            } catch (DateTimeParseException e) {
                problems.add("officeHours: " + part.strip() + " is not a time of day (00:00 to 23:59:59).");
            }
        }
    }

    private static Set<LocalDate> dates(String name, List<String> values, List<String> problems) {
        Set<LocalDate> dates = new HashSet<>();
        for (String value : values) {
            try {
                if (value == null || !DATE.matcher(value).matches()) {
                    throw new DateTimeParseException("not yyyy-mm-dd", String.valueOf(value), 0);
                }
                dates.add(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                problems.add(name + " are dates like 2026-10-01, not " + value + ".");
            }
        }
        return dates;
    }

    private static void range(String name, Integer value, int min, int max, List<String> problems) {
        if (value == null || value < min || value > max) {
            problems.add(name + " is a whole number from " + min + " to " + max + (min < 0 ? " (-1: never)" : "")
                    + ", not " + value + ".");
        }
    }

    /** The same settings written the way the platform keeps them: upper-case day names, dates in order. */
    DeadlineSettings normalised() {
        return new DeadlineSettings(officeHours == null ? null : officeHours.strip().replace(" ", ""),
                weekend.stream().map(d -> d == null ? "" : d.strip().toUpperCase(Locale.ROOT)).toList(),
                holidays.stream().map(d -> d == null ? "" : d.strip()).sorted().distinct().toList(),
                workedWeekendDays.stream().map(d -> d == null ? "" : d.strip()).sorted().distinct().toList(),
                registerMinutes, handleHours, categoryHandleHours == null ? Map.of()
                        : new TreeMap<>(categoryHandleHours), verifyHours,
                escalateAfterOverdueMinutes, warnBeforeMinutes);
    }

    // --- configuration mapping ---

    /** The settings a configuration holds; what it leaves out is null. A value that is no number reads as null. */
    static DeadlineSettings fromConfiguration(Dictionary<String, ?> properties) {
        if (properties == null) {
            return new DeadlineSettings(null, null, null, null, null, null, null, null, null, null);
        }
        Object categories = properties.get("categoryHandleHours");
        Map<String, Integer> perCategory = null;
        if (categories != null) {
            perCategory = new TreeMap<>();
            for (String entry : values(categories)) {
                String[] kv = entry.split("=");
                if (kv.length == 2) {
                    perCategory.put(kv[0].strip(), number(kv[1]));
                }
            }
        }
        Object hours = properties.get("officeHours");
        return new DeadlineSettings(hours == null ? null : String.join(",", values(hours)),
                list(properties.get("weekend")), list(properties.get("holidays")),
                list(properties.get("workedWeekendDays")), number(properties.get("registerMinutes")),
                number(properties.get("handleHours")), perCategory, number(properties.get("verifyHours")),
                number(properties.get("escalateAfterOverdueMinutes")), number(properties.get("warnBeforeMinutes")));
    }

    /** The configuration properties of these (complete) settings, as text. */
    Dictionary<String, Object> toConfiguration() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("officeHours", officeHours);
        properties.put("weekend", String.join(",", weekend));
        properties.put("holidays", String.join(",", holidays));
        properties.put("workedWeekendDays", String.join(",", workedWeekendDays));
        properties.put("registerMinutes", String.valueOf(registerMinutes));
        properties.put("handleHours", String.valueOf(handleHours));
        List<String> perCategory = new ArrayList<>();
        categoryHandleHours.forEach((k, v) -> perCategory.add(k + "=" + v));
        properties.put("categoryHandleHours", String.join(",", perCategory));
        properties.put("verifyHours", String.valueOf(verifyHours));
        properties.put("escalateAfterOverdueMinutes", String.valueOf(escalateAfterOverdueMinutes));
        properties.put("warnBeforeMinutes", String.valueOf(warnBeforeMinutes));
        return properties;
    }

    /** What changed from {@code before} to these settings, setting by setting ("registerMinutes 60 → 15"). */
    String changesFrom(DeadlineSettings before) {
        Map<String, Object[]> pairs = new LinkedHashMap<>();
        pairs.put("officeHours", new Object[] {before.officeHours, officeHours});
        pairs.put("weekend", new Object[] {before.weekend, weekend});
        pairs.put("holidays", new Object[] {before.holidays, holidays});
        pairs.put("workedWeekendDays", new Object[] {before.workedWeekendDays, workedWeekendDays});
        pairs.put("registerMinutes", new Object[] {before.registerMinutes, registerMinutes});
        pairs.put("handleHours", new Object[] {before.handleHours, handleHours});
        pairs.put("categoryHandleHours", new Object[] {before.categoryHandleHours, categoryHandleHours});
        pairs.put("verifyHours", new Object[] {before.verifyHours, verifyHours});
        pairs.put("escalateAfterOverdueMinutes", new Object[] {before.escalateAfterOverdueMinutes, escalateAfterOverdueMinutes});
        pairs.put("warnBeforeMinutes", new Object[] {before.warnBeforeMinutes, warnBeforeMinutes});
        List<String> changes = new ArrayList<>();
        pairs.forEach((name, pair) -> {
            if (!Objects.equals(pair[0], pair[1])) {
                changes.add(name + " " + pair[0] + " → " + pair[1]);
            }
        });
        return changes.isEmpty() ? "saved without changes" : String.join("; ", changes);
    }

    /** The items of a list setting, whether given as a list, an array or one comma-separated string. */
    static List<String> values(Object raw) {
        List<String> values = new ArrayList<>();
        Collection<?> items = raw instanceof Collection<?> c ? c
                : raw instanceof Object[] a ? List.of(a) : raw == null ? List.of() : List.of(raw);
        for (Object item : items) {
            for (String part : String.valueOf(item).split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }

    private static List<String> list(Object raw) {
        return raw == null ? null : values(raw);
    }

    private static Integer number(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.valueOf(String.valueOf(raw).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
