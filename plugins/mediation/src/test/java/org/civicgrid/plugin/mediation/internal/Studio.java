package org.civicgrid.plugin.mediation.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.User;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.osgi.service.event.EventAdmin;

/** The studio's components wired over a fresh database, with the reference counties' regions and users. */
final class Studio implements AutoCloseable {

    static final Caller ADMIN = new Caller("qs-admin", Set.of(Role.COUNTY_ADMIN), "140521", null);
    static final Caller OPERATOR = new Caller("qs-operator", Set.of(Role.COMMAND_OPERATOR), "140521", null);
    static final Caller MEDIATOR = new Caller("qs-med", Set.of(Role.MEDIATOR), "140521", null);
    static final Caller OTHER_MEDIATOR = new Caller("qs-med-2", Set.of(Role.MEDIATOR), "140521", null);
    static final Caller ZEZHOU = new Caller("zz-med", Set.of(Role.MEDIATOR), "140525", null);
    static final Caller RESIDENT = new Caller("r", Set.of(Role.RESIDENT), "140521", null);

    static final String TOWNSHIP = "140521100";
    static final String VILLAGE = "140521100200";
    /** A valid resident ID number (GB 11643 check digit X). */
    static final String ID = "11010519491231002X";

    final StudioDatabase db;
    final Fakes.MovableClock clock = new Fakes.MovableClock(Instant.parse("2024-05-06T02:00:00Z"));
    final Fakes.Audit audit = new Fakes.Audit();
    final Fakes.Sealing sealing = new Fakes.Sealing();
    final EventAdmin events = mock(EventAdmin.class);
    final RegionService regions = mock(RegionService.class);
    final DirectoryService directory = mock(DirectoryService.class);
    final StudioSettings settings = new StudioSettings(7, List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
    final MediationNetwork network;
    final DisputeRegistry registry;
    final ConfirmationWatch watch;
    final StudioFigures figures;

    Studio() throws Exception {
        db = new StudioDatabase();
        Map<String, Region> known = Map.of(
                "1405", new Region("1405", "晋城市", RegionLevel.CITY, "14"),
                "140521", new Region("140521", "沁水县", RegionLevel.COUNTY, "1405"),
                TOWNSHIP, new Region(TOWNSHIP, "龙港镇", RegionLevel.TOWNSHIP, "140521"),
                VILLAGE, new Region(VILLAGE, "某村委会", RegionLevel.VILLAGE, TOWNSHIP),
                "140525", new Region("140525", "泽州县", RegionLevel.COUNTY, "1405"));
        when(regions.find(anyString())).thenAnswer(i -> Optional.ofNullable(known.get(i.<String>getArgument(0))));
        for (String id : List.of("qs-med", "qs-med-2")) {
            when(directory.user(any(Caller.class), org.mockito.ArgumentMatchers.eq(id))).thenReturn(Optional.of(
                    new User(id, "调解员" + id, Set.of(Role.MEDIATOR), "140521", null, true)));
        }
        when(directory.user(any(Caller.class), org.mockito.ArgumentMatchers.eq("qs-worker"))).thenReturn(Optional.of(
                new User("qs-worker", "网格员", Set.of(Role.GRID_WORKER), "140521", null, true)));
        SchemaReady schema = mock(SchemaReady.class);
        network = new MediationNetwork(schema, db, regions, directory, clock, audit);
        registry = new DisputeRegistry(schema, db, regions, network, clock, sealing, audit, events);
        watch = new ConfirmationWatch(schema, db, clock, settings, audit, events);
        figures = new StudioFigures(schema, db, regions, clock);
    }

    /** A township committee for land and neighbour disputes, with qs-med registered to it. */
    Organisation townshipCommittee() {
        Organisation o = network.createOrganisation(ADMIN, new Organisation(null, "龙港镇人民调解委员会",
                Organisation.Kind.TOWNSHIP_COMMITTEE, TOWNSHIP, Set.of(DisputeType.LAND, DisputeType.NEIGHBOURS)));
        network.registerMediator(ADMIN, o.id(), "qs-med");
        return o;
    }

    Dispute landDispute() {
        return registry.receive(MEDIATOR, new DisputeIntake(VILLAGE, DisputeType.LAND, "两户宅基地边界争议",
                new java.math.BigDecimal("1200.50"), "界墙位置", List.of(
                        new PartyInput(Party.Role.APPLICANT, Party.Kind.PERSON, "张三", ID, "13812345678", "龙港镇某村1号"),
                        new PartyInput(Party.Role.RESPONDENT, Party.Kind.PERSON, "李四", null, null, null)),
                null, null, null));
    }

    /** A land dispute assigned to qs-med with one session held. */
    Dispute inMediation() {
        townshipCommittee();
        Dispute d = landDispute();
        registry.assign(OPERATOR, d.id(), null);
        registry.recordSession(MEDIATOR, d.id(), new SessionInput(clock.now().atOffset(java.time.ZoneOffset.UTC),
                "龙港镇调解室", List.of("申请人 张三", "被申请人 李四"), "双方陈述，调解员释法明理"));
        return d;
    }

    Agreement agree(Dispute d) {
        return registry.agree(MEDIATOR, d.id(), new AgreementInput(null, "李四于六月底前拆除越界围墙",
                "李四自行拆除，张三予以配合", java.time.LocalDate.of(2024, 6, 30), null));
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
