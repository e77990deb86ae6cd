package org.civicgrid.plugin.patrol.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The service-hours export opens right in a spreadsheet and runs nothing. */
class ServiceHoursCsvTest {

    @Test
    void quotesWhatNeedsQuotingAndDefusesFormulas() {
        String csv = ServiceHoursCsv.write(List.of(
                new MemberHours("v1", "王, 志愿", MemberKind.SAFETY_VOLUNTEER, "城内巡防队", 2, 5.5),
                new MemberHours("v2", "=HYPERLINK(\"x\")", MemberKind.VETERAN_CADRE, "队\"一\"", 1, 0.25)));
        assertThat(csv.split("\r\n")).containsExactly(
                "\uFEFFuser_id,name,kind,team,shifts,hours",
                "v1,\"王, 志愿\",SAFETY_VOLUNTEER,城内巡防队,2,5.5",
                "v2,\"'=HYPERLINK(\"\"x\"\")\",VETERAN_CADRE,\"队\"\"一\"\"\",1,0.3");
    }
}
