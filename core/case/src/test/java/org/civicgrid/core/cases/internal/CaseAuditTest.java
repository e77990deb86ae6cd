package org.civicgrid.core.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.cases.CaseAction;
import org.civicgrid.core.api.cases.CaseIntake;
import org.civicgrid.core.api.cases.CaseRecord;
import org.civicgrid.core.api.cases.Channel;
import org.civicgrid.core.api.cases.TransitionRequest;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.security.SensitiveData;
import org.civicgrid.core.api.time.PlatformClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.EventAdmin;

/** A case step and its audit entry are written in one transaction: both are stored, or neither. */
class CaseAuditTest {

    private static final String VILLAGE = "140521100200";
    private static final Caller OPERATOR = new Caller("op", Set.of(Role.COMMAND_OPERATOR), "140521", null);

    private CasesDatabase db;
    private JpaCaseService service;
    /** What the trail was given, and whether the step's case row was visible in the same transaction then. */
    private final List<String> recorded = new ArrayList<>();
    private volatile boolean refuse;

    private final AuditTrail trail = new AuditTrail() {
        @Override
        public void record(AuditEntry entry) {
            if (refuse) {
                throw new IllegalStateException("the audit trail cannot be written");
            }
            // Joins the transaction that is open on this thread, if any: the case is there only inside the step's.
            boolean seen = db.txExpr(TransactionType.Required,
                    em -> em.find(CaseEntity.class, entry.objectId()) != null);
            recorded.add(entry.action() + (seen ? " with the case" : " without the case"));
        }
    };

    @BeforeEach
    void service() throws Exception {
        db = new CasesDatabase();
        CasesConfiguration defaults = mock(CasesConfiguration.class, call -> call.getMethod().getDefaultValue());
        PlatformClock clock = mock(PlatformClock.class);
        when(clock.now()).thenReturn(Instant.parse("2026-11-23T02:00:00Z"));
        RegionService regions = mock(RegionService.class);
        when(regions.find(VILLAGE)).thenReturn(Optional.of(new Region(VILLAGE, "某村", RegionLevel.VILLAGE, "140521100")));
        service = new JpaCaseService(mock(SchemaReady.class), db, regions, mock(DirectoryService.class),
                mock(EventAdmin.class), clock, mock(SensitiveData.class), trail, defaults);
        CommonCategories.ALL.forEach(service::addCategory);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void aReportAndAStepAreAuditedInsideTheirOwnTransaction() {
        CaseRecord reported = service.report(OPERATOR, intake());
        service.transition(OPERATOR, reported.id(), new TransitionRequest(CaseAction.REGISTER, null, null, null, null));
        assertThat(recorded).containsExactly("case.reported with the case", "case.register with the case");
    }

    @Test
    void whenTheTrailCannotTakeTheEntryTheReportIsNotStored() {
        refuse = true;
        assertThatThrownBy(() -> service.report(OPERATOR, intake())).hasMessageContaining("cannot be written");
        assertThat(db.count("cg_case")).isZero();
        assertThat(db.count("cg_case_step")).isZero();
    }

    private static CaseIntake intake() {
        return new CaseIntake("标题", "描述", "noise", Channel.APP, VILLAGE, null, null, null);
    }
}
