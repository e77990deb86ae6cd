package org.civicgrid.core.cases.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.civicgrid.core.api.cases.CaseAction;
import org.civicgrid.core.api.cases.CaseState;
import org.civicgrid.core.api.cases.UnitCaseFigures;

/**
 * The dashboards' grouped queries over a region's subtree (always as its {@link RegionRange}): per handling unit, per
 * grid, per reporter and verifier, and counts per interval of time. Each is one query per figure, grouped in the
 * database; nothing is counted row by row here.
 */
final class DashboardFigures {

    /**
     * Supervision found the case {@code c} past a deadline at some time: it recorded a {@code SUPERVISE} step, or
     * escalated the case itself (which it may do without one when it finds a case long overdue).
     */
    static final String FLAGGED = "exists (select p.id from CaseStepEntity p where p.caseId = c.id and p.actorId = '"
            + JpaCaseService.PLATFORM + "' and p.action in ('" + CaseAction.SUPERVISE + "', '" + CaseAction.ESCALATE
            + "'))";
    /** The most values in one {@code in} list. */
    private static final int CHUNK = 500;

    private DashboardFigures() {
    }

    /** Counts of the cases of one key: a unit, a grid, or a worker's grids together. */
    static final class Tally {
        long total;
        long open;
        long closed;
        long overdue;
        long closedLate;
        long rated;
        long ratingSum;

        void add(Tally other) {
            total += other.total;
            open += other.open;
            closed += other.closed;
            overdue += other.overdue;
            closedLate += other.closedLate;
            rated += other.rated;
            ratingSum += other.ratingSum;
        }

        long closedOnTime() {
            return closed - closedLate;
        }

        Double onTimeRate() {
            return closed == 0 ? null : (double) closedOnTime() / closed;
        }

        Double averageRating() {
            return rated == 0 ? null : (double) ratingSum / rated;
        }

        UnitCaseFigures unit(String id, String name) {
            return new UnitCaseFigures(id, name, total, open, closed, overdue, closedOnTime(), onTimeRate(),
                    averageRating());
        }
    }

    /**
     * The tallies of the subtree's cases by a column of {@code CaseEntity c} ({@code c.unitId}, {@code c.gridCode}),
     * for the cases that have a value in it: three grouped queries (states with ratings, overdue, closed late).
     */
    static Map<String, Tally> tallies(EntityManager em, RegionRange subtree, String key, LocalDateTime now) {
        Map<String, Tally> tallies = new TreeMap<>();
        String where = " from CaseEntity c where " + RegionRange.JPQL + " and " + key + " is not null";
        for (Object[] row : subtree.bind(em.createQuery("select " + key + ", c.state, count(c.state), count(c.rating), "
                + "sum(c.rating)" + where + " group by " + key + ", c.state", Object[].class)).getResultList()) {
            Tally tally = tallies.computeIfAbsent((String) row[0], k -> new Tally());
            CaseState state = CaseState.valueOf((String) row[1]);
            long cases = number(row[2]);
            tally.total += cases;
            if (JpaCaseService.OPEN.contains(state)) {
                tally.open += cases;
            }
            if (state == CaseState.CLOSED) {
                tally.closed += cases;
            }
            tally.rated += number(row[3]);
            tally.ratingSum += number(row[4]);
        }
        for (Object[] row : subtree.bind(em.createQuery("select " + key + ", count(c.deadline)" + where + " and "
                + JpaCaseService.OVERDUE + " group by " + key, Object[].class)).setParameter("now", now).getResultList()) {
            tallies.computeIfAbsent((String) row[0], k -> new Tally()).overdue = number(row[1]);
        }
        for (Object[] row : subtree.bind(em.createQuery("select " + key + ", count(c.state)" + where
                + " and c.state = '" + CaseState.CLOSED + "' and " + FLAGGED + " group by " + key, Object[].class))
                .getResultList()) {
            tallies.computeIfAbsent((String) row[0], k -> new Tally()).closedLate = number(row[1]);
        }
        return tallies;
    }

    /** How many of the subtree's cases each of these users reported. */
    static Map<String, Long> reportedBy(EntityManager em, RegionRange subtree, Collection<String> users) {
        return perUser(em, subtree, users, "select c.reporterId, count(c.state) from CaseEntity c where "
                + RegionRange.JPQL + " and c.reporterId in :users group by c.reporterId");
    }

    /** How many of the subtree's cases each of these users verified (each case once, however often). */
    static Map<String, Long> verifiedBy(EntityManager em, RegionRange subtree, Collection<String> users) {
        return perUser(em, subtree, users, "select s.actorId, count(distinct s.caseId) from CaseStepEntity s, "
                + "CaseEntity c where s.caseId = c.id and " + RegionRange.JPQL + " and s.action = '"
                + CaseAction.VERIFY + "' and s.actorId in :users group by s.actorId");
    }

    private static Map<String, Long> perUser(EntityManager em, RegionRange subtree, Collection<String> users,
                                             String jpql) {
        Map<String, Long> counts = new HashMap<>();
        List<String> all = new ArrayList<>(users);
        for (int i = 0; i < all.size(); i += CHUNK) {
            for (Object[] row : subtree.bind(em.createQuery(jpql, Object[].class))
                    .setParameter("users", all.subList(i, Math.min(all.size(), i + CHUNK))).getResultList()) {
                counts.put((String) row[0], number(row[1]));
            }
        }
        return counts;
    }

    /**
     * Cases reported between consecutive bounds ({@code bounds.get(i)} inclusive to {@code bounds.get(i + 1)}
     * exclusive, UTC).
     */
    static long[] reported(EntityManager em, RegionRange subtree, List<LocalDateTime> bounds) {
        return perInterval(em, subtree, bounds, "c.reportedAt", "from CaseEntity c where " + RegionRange.JPQL);
    }

    /** Closings ({@code CLOSE} steps) of the subtree's cases between consecutive bounds; on time only, if asked. */
    static long[] closed(EntityManager em, RegionRange subtree, List<LocalDateTime> bounds, boolean onTimeOnly) {
        String from = "from CaseStepEntity s, CaseEntity c where s.caseId = c.id and " + RegionRange.JPQL
                + " and s.action = '" + CaseAction.CLOSE + "'";
        if (onTimeOnly) {
            // Flagged before this closing: a case closed on time, reopened and then late stays on time that day.
            from += " and not exists (select p.id from CaseStepEntity p where p.caseId = s.caseId and p.actorId = '"
                    + JpaCaseService.PLATFORM + "' and p.action in ('" + CaseAction.SUPERVISE + "', '"
                    + CaseAction.ESCALATE + "') and p.at < s.at)";
        }
        return perInterval(em, subtree, bounds, "s.at", from);
    }

    /**
     * Rows per interval in one pass without grouping: the cumulative count below each bound ({@code sum(case when
     * t < :b then 1 …)}), whose differences are the counts. Grouping by a computed interval would need the bounds in
     * both the select and the group by, which PostgreSQL takes as different parameters and refuses.
     */
    private static long[] perInterval(EntityManager em, RegionRange subtree, List<LocalDateTime> bounds, String time,
                                      String from) {
        int intervals = bounds.size() - 1;
        StringBuilder jpql = new StringBuilder("select ");
        for (int i = 1; i <= intervals; i++) {
            jpql.append(i > 1 ? ", " : "").append("sum(case when ").append(time).append(" < :b").append(i)
                    .append(" then 1 else 0 end)");
        }
        jpql.append(' ').append(from).append(" and ").append(time).append(" >= :b0 and ").append(time)
                .append(" < :b").append(intervals);
        Query query = subtree.bind(em.createQuery(jpql.toString()));
        for (int i = 0; i <= intervals; i++) {
            query.setParameter("b" + i, bounds.get(i));
        }
        Object result = query.getSingleResult();
        Object[] cumulative = result instanceof Object[] row ? row : new Object[] {result};
        long[] counts = new long[intervals];
        long below = 0;
        for (int i = 0; i < intervals; i++) {
            long upTo = number(cumulative[i]);
            counts[i] = upTo - below;
            below = upTo;
        }
        return counts;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
