package org.civicgrid.plugin.patrol.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts patrol figures from plain facts. Only closed shifts count towards coverage and hours (an open shift may
 * still be walked). A member earns a shift's hours — from its start to its planned end, or its closing if earlier —
 * for each shift in which they made at least one check-in that counts (on the spot and on time).
 */
final class PatrolTally {

    /** A shift: its checkpoints planned and visited (a check-in that counts). */
    record ShiftFact(String id, LocalDateTime start, LocalDateTime end, boolean closed, int planned, int visited) {
    }

    /** A member who made a check-in that counts on a shift. */
    record Credit(String shiftId, String memberId) {
    }

    /** Who a member is. */
    record MemberFact(String memberId, String userId, String name, MemberKind kind, String teamName) {
    }

    private PatrolTally() {
    }

    static PatrolFigures tally(String regionCode, LocalDate from, LocalDate to, Collection<ShiftFact> shifts,
                               Collection<Credit> credits, Map<String, MemberFact> members, long flaggedCheckIns,
                               Map<String, Long> hazardsByCaseState) {
        Map<String, ShiftFact> closed = new HashMap<>();
        int planned = 0;
        int visited = 0;
        for (ShiftFact s : shifts) {
            if (s.closed()) {
                closed.put(s.id(), s);
                planned += s.planned();
                visited += s.visited();
            }
        }
        Map<String, long[]> perMember = new HashMap<>();
        for (Credit c : credits) {
            ShiftFact s = closed.get(c.shiftId());
            if (s == null || !members.containsKey(c.memberId())) {
                continue;
            }
            long[] acc = perMember.computeIfAbsent(c.memberId(), k -> new long[2]);
            acc[0]++;
            acc[1] += Math.max(0, Duration.between(s.start(), s.end()).toMinutes());
        }
        List<MemberHours> hours = perMember.entrySet().stream().map(e -> {
            MemberFact m = members.get(e.getKey());
            return new MemberHours(m.userId(), m.name(), m.kind(), m.teamName(), (int) e.getValue()[0],
                    Math.round(e.getValue()[1] / 6.0) / 10.0);
        }).sorted(Comparator.comparingDouble(MemberHours::hours).reversed().thenComparing(MemberHours::userId)
                .thenComparing(MemberHours::teamName)).toList();
        long reported = hazardsByCaseState.values().stream().mapToLong(Long::longValue).sum();
        long resolved = hazardsByCaseState.getOrDefault("VERIFIED", 0L) + hazardsByCaseState.getOrDefault("CLOSED", 0L);
        long rejected = hazardsByCaseState.getOrDefault("REJECTED", 0L);
        return new PatrolFigures(regionCode, from, to, shifts.size(), closed.size(), planned, visited,
                PatrolFigures.ratio(visited, planned), flaggedCheckIns, reported, resolved, rejected, hours);
    }
}
