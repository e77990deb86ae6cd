package org.civicgrid.core.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A county's deadline settings: what is refused and why, and how they stand in a configuration file. */
class DeadlineSettingsTest {

    private static final Set<String> CATEGORIES = Set.of("street-light", "noise");

    private static DeadlineSettings with(String officeHours, List<String> weekend, List<String> holidays,
                                         List<String> worked, Integer register, Map<String, Integer> perCategory,
                                         Integer escalate) {
        return new DeadlineSettings(officeHours, weekend, holidays, worked, register, null, perCategory, null, escalate, null)
                .over(DeadlineSettings.BUILT_IN).normalised();
    }

    @Test
    void theBuiltInSettingsAreRight() {
        assertThat(DeadlineSettings.BUILT_IN.problems(CATEGORIES)).isEmpty();
    }

    @Test
    void goodSettingsPass() {
        DeadlineSettings s = with("08:00-12:00, 14:30-18:00", List.of("saturday", "SUNDAY"), List.of("2026-10-01"),
                List.of("2026-10-10"), 15, Map.of("street-light", 8, "noise@COUNTY", 40), -1);
        assertThat(s.problems(CATEGORIES)).isEmpty();
        assertThat(s.officeHours()).isEqualTo("08:00-12:00,14:30-18:00");
        assertThat(s.weekend()).containsExactly("SATURDAY", "SUNDAY");
    }

    @Test
    void eachMistakeIsNamed() {
        assertThat(with("8-12", null, null, null, null, null, null).problems(CATEGORIES))
                .singleElement().asString().contains("officeHours").contains("8-12");
        assertThat(with("14:00-12:00", null, null, null, null, null, null).problems(CATEGORIES))
                .singleElement().asString().contains("ends before it starts");
        assertThat(with("08:00-12:00,11:00-17:00", null, null, null, null, null, null).problems(CATEGORIES))
                .singleElement().asString().contains("overlaps");
        assertThat(with("25:00-26:00", null, null, null, null, null, null).problems(CATEGORIES))
                .singleElement().asString().contains("not a time of day");
        assertThat(with(null, List.of("FRIYAY"), null, null, null, null, null).problems(CATEGORIES))
                .singleElement().asString().contains("FRIYAY");
        assertThat(with(null, List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                null, null, null, null, null).problems(CATEGORIES)).singleElement().asString().contains("no working day");
        assertThat(with(null, null, List.of("2026-13-01"), null, null, null, null).problems(CATEGORIES))
                .singleElement().asString().contains("holidays").contains("2026-13-01");
        assertThat(with(null, null, List.of("1.10."), null, null, null, null).problems(CATEGORIES))
                .singleElement().asString().contains("1.10.");
        assertThat(with(null, null, List.of("2026-10-10"), List.of("2026-10-10"), null, null, null).problems(CATEGORIES))
                .singleElement().asString().contains("both");
        assertThat(with(null, null, null, null, 0, null, null).problems(CATEGORIES))
                .singleElement().asString().contains("registerMinutes").contains("not 0");
        assertThat(with(null, null, null, null, -5, null, null).problems(CATEGORIES)).hasSize(1);
        assertThat(with(null, null, null, null, null, null, -2).problems(CATEGORIES))
                .singleElement().asString().contains("escalateAfterOverdueMinutes").contains("-1: never");
        assertThat(with(null, null, null, null, null, Map.of("weather", 5), null).problems(CATEGORIES))
                .singleElement().asString().contains("no category weather");
        assertThat(with(null, null, null, null, null, Map.of("noise@PROVINCE", 5), null).problems(CATEGORIES))
                .singleElement().asString().contains("PROVINCE");
        assertThat(with(null, null, null, null, null, Map.of("noise", 0), null).problems(CATEGORIES))
                .singleElement().asString().contains("noise");
    }

    @Test
    void settingsAreKeptAsTextAndReadBackTheSame() {
        DeadlineSettings s = with("08:00-12:00,14:00-17:00", List.of("SUNDAY"), List.of("2026-10-02", "2026-10-01"),
                List.of(), 15, Map.of("street-light", 8, "noise@COUNTY", 40), 120);
        Dictionary<String, Object> properties = s.toConfiguration();
        assertThat(properties.get("holidays")).isEqualTo("2026-10-01,2026-10-02");
        assertThat(properties.get("registerMinutes")).isEqualTo("15");
        assertThat(properties.get("categoryHandleHours")).isEqualTo("noise@COUNTY=40,street-light=8");
        assertThat(DeadlineSettings.fromConfiguration(properties).over(DeadlineSettings.BUILT_IN)).isEqualTo(s);
    }

    @Test
    void aHandWrittenFileIsReadWhateverTheFormOfItsLists() {
        Dictionary<String, Object> file = new Hashtable<>();
        file.put("weekend", new String[] {"SATURDAY", "SUNDAY"});
        file.put("holidays", "2026-10-01, 2026-10-02");
        file.put("registerMinutes", 30);
        file.put("handleHours", " 16 ");
        DeadlineSettings read = DeadlineSettings.fromConfiguration(file);
        assertThat(read.weekend()).containsExactly("SATURDAY", "SUNDAY");
        assertThat(read.holidays()).containsExactly("2026-10-01", "2026-10-02");
        assertThat(read.registerMinutes()).isEqualTo(30);
        assertThat(read.handleHours()).isEqualTo(16);
        assertThat(read.officeHours()).as("left out").isNull();
        assertThat(read.over(DeadlineSettings.BUILT_IN).officeHours()).isEqualTo("08:30-12:00,14:00-17:30");
    }

    @Test
    void changesNameEachSettingBeforeAndAfter() {
        DeadlineSettings before = DeadlineSettings.BUILT_IN;
        DeadlineSettings after = with(null, null, List.of("2026-10-01"), null, 15, null, null);
        assertThat(after.changesFrom(before)).isEqualTo("holidays [] → [2026-10-01]; registerMinutes 60 → 15");
        assertThat(before.changesFrom(before)).isEqualTo("saved without changes");
    }
}
