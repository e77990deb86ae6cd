package org.civicgrid.core.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.User;
import org.civicgrid.core.api.rest.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Assigning grid workers and leaders: who may, and whom. */
class GridStaffTest {

    private static final String GRID = "140521100200001";
    private static final Caller OPERATOR = new Caller("op", Set.of(Role.COMMAND_OPERATOR), "140521", null);

    private final InMemoryGridStore store = new InMemoryGridStore();
    private final DirectoryService directory = mock(DirectoryService.class);
    private GridRegistry registry;

    @BeforeEach
    void grid() {
        store.grids.put(GRID, new StoredGrid(GRID, "一网格", "140521100200", "{}", List.of(), null, false, 1));
        Map<String, User> users = Map.of(
                "w1", new User("w1", "网格员甲", Set.of(Role.GRID_WORKER), "140521100", null, true),
                "w2", new User("w2", "网格员乙", Set.of(Role.GRID_WORKER), "140521100200", null, true),
                "far", new User("far", "网格员丙", Set.of(Role.GRID_WORKER), "140521101", null, true),
                "off", new User("off", "网格员丁", Set.of(Role.GRID_WORKER), "140521100", null, false),
                "lead", new User("lead", "网格长", Set.of(Role.GRID_LEADER), "140521100", null, true));
        when(directory.user(any(), anyString())).thenAnswer(call -> Optional.ofNullable(users.get((String) call.getArgument(1))));
        registry = new GridRegistry(store, TestRegions.small(), System::nanoTime, directory);
    }

    @Test
    void theCommandCentreSetsWorkersAndLeaderAndCanChangeThem() {
        assertThat(registry.staff(OPERATOR, GRID, List.of("w1", " w2", "w1"), "lead"))
                .satisfies(g -> {
                    assertThat(g.workers()).containsExactly("w1", "w2");
                    assertThat(g.leader()).isEqualTo("lead");
                });
        assertThat(registry.staff(OPERATOR, GRID, List.of("w2"), null).workers()).containsExactly("w2");
        assertThat(store.grids.get(GRID).leader()).isNull();
    }

    @Test
    void theWrongPeopleAreRefusedAndNothingChanges() {
        registry.staff(OPERATOR, GRID, List.of("w1"), "lead");
        assertThatThrownBy(() -> registry.staff(OPERATOR, GRID, List.of("w2", "far"), null))
                .hasMessageContaining("does not contain grid");
        assertThatThrownBy(() -> registry.staff(OPERATOR, GRID, List.of("off"), null)).hasMessageContaining("disabled");
        assertThatThrownBy(() -> registry.staff(OPERATOR, GRID, List.of("lead"), null)).hasMessageContaining("not a grid worker");
        assertThatThrownBy(() -> registry.staff(OPERATOR, GRID, List.of(), "w1")).hasMessageContaining("not a grid leader");
        assertThatThrownBy(() -> registry.staff(OPERATOR, GRID, List.of("nobody"), null)).hasMessageContaining("No user");
        assertThat(store.grids.get(GRID).workers()).containsExactly("w1");
        assertThat(store.grids.get(GRID).leader()).isEqualTo("lead");
    }

    @Test
    void onlyCommandCentresAndAdministratorsOfTheGridsAreaMayAssign() {
        Caller worker = new Caller("w1", Set.of(Role.GRID_WORKER), "140521100", null);
        assertThatThrownBy(() -> registry.staff(worker, GRID, List.of("w1"), null))
                .isInstanceOf(ProblemException.class).hasMessageContaining("command centres");
        Caller otherCounty = new Caller("yc", Set.of(Role.COUNTY_ADMIN), "140522", null);
        assertThatThrownBy(() -> registry.staff(otherCounty, GRID, List.of(), null)).hasMessageContaining("No grid");
    }
}
