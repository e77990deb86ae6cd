package org.civicgrid.core.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/** One node of those sharing a PostgreSQL database runs each supervision round; a single H2 node runs every one. */
class ScheduledSupervisionTest {

    private final CaseSupervisor supervisor = mock(CaseSupervisor.class);
    private final DataSource dataSource = mock(DataSource.class);
    private final Connection connection = mock(Connection.class);
    private final PreparedStatement lock = mock(PreparedStatement.class);

    ScheduledSupervisionTest() throws SQLException {
        when(supervisor.supervise()).thenReturn(new CaseSupervisor.Round(0, 0, 0));
        when(dataSource.getConnection()).thenReturn(connection);
        DatabaseMetaData meta = mock(DatabaseMetaData.class);
        when(connection.getMetaData()).thenReturn(meta);
        when(meta.getDatabaseProductName()).thenReturn("PostgreSQL");
        when(connection.prepareStatement("select pg_try_advisory_xact_lock(?)")).thenReturn(lock);
        // Auto-commit until the election turns it off, as a pooled connection comes.
        boolean[] autoCommit = {true};
        org.mockito.Mockito.doAnswer(call -> autoCommit[0] = call.getArgument(0)).when(connection).setAutoCommit(
                org.mockito.ArgumentMatchers.anyBoolean());
        when(connection.getAutoCommit()).thenAnswer(call -> autoCommit[0]);
    }

    private void lockAnswers(boolean taken) throws SQLException {
        ResultSet answer = mock(ResultSet.class);
        when(answer.next()).thenReturn(true);
        when(answer.getBoolean(1)).thenReturn(taken);
        when(lock.executeQuery()).thenReturn(answer);
    }

    private ScheduledSupervision scheduled() {
        return new ScheduledSupervision(supervisor, new RoundElection(dataSource, ScheduledSupervision.ELECTION_KEY));
    }

    @Test
    void theNodeThatTakesTheLockRunsTheRoundAndThenLetsItGo() throws Exception {
        lockAnswers(true);

        scheduled().run();

        verify(supervisor).supervise();
        verify(lock).setLong(1, ScheduledSupervision.ELECTION_KEY);
        verify(connection).rollback();
        verify(connection).close();
    }

    @Test
    void aNodeThatFindsTheLockTakenSkipsTheRound() throws Exception {
        lockAnswers(false);

        scheduled().run();

        verify(supervisor, never()).supervise();
        verify(connection).rollback();
        verify(connection).close();
    }

    @Test
    void aFailedRoundStillLetsTheLockGo() throws Exception {
        lockAnswers(true);
        when(supervisor.supervise()).thenThrow(new IllegalStateException("database went away"));

        scheduled().run();

        verify(connection).rollback();
        verify(connection).close();
    }

    @Test
    void onTheEmbeddedDatabaseEveryRoundRuns() throws Exception {
        when(connection.getMetaData().getDatabaseProductName()).thenReturn("H2");

        scheduled().run();
        scheduled().run();

        verify(supervisor, times(2)).supervise();
        verify(connection, never()).prepareStatement(anyString());
        verify(connection, never()).setAutoCommit(false);
        verify(connection, times(2)).close();
    }

    @Test
    void withoutTheDatabaseTheRoundIsSkippedAndTheSchedulerGoesOn() throws Exception {
        when(dataSource.getConnection()).thenThrow(new SQLException("connection refused"));

        scheduled().run();

        verify(supervisor, never()).supervise();
        assertThat(ScheduledSupervision.ELECTION_KEY).isNotZero();
    }
}
