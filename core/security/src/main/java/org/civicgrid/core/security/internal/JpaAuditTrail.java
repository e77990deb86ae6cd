package org.civicgrid.core.security.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.RequestOrigin;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.time.PlatformClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The audit trail in {@code cg_audit}. Each entry is appended in its own transaction under a lock on the chain's
 * head row, so entries of concurrent requests and of several nodes form one chain.
 */
@Component(service = {AuditTrail.class, JpaAuditTrail.class})
public class JpaAuditTrail implements AuditTrail {

    static final String SCHEMA = "(" + SchemaReady.OWNER + "=org.civicgrid.core.security)";
    private static final int BATCH = 1000;

    private final JpaTemplate jpa;
    private final PlatformClock clock;

    @Activate
    public JpaAuditTrail(@Reference(target = SCHEMA) SchemaReady schema,
                         @Reference(target = "(osgi.unit.name=civicgrid-security)") JpaTemplate jpa,
                         @Reference PlatformClock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    @Override
    public void record(AuditEntry entry) {
        AuditEntry e = checked(entry);
        String origin = RequestOrigin.current();
        LocalDateTime at = LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        jpa.tx(TransactionType.RequiresNew, em -> {
            AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
            AuditEntity row = new AuditEntity(head.seq() + 1, at, e, origin, head.hash());
            em.persist(row);
            head.advance(row.seq(), row.hash());
            em.flush();
        });
    }

    /** Fields cut to their columns' sizes; the required ones present. */
    static AuditEntry checked(AuditEntry e) {
        if (e == null || blank(e.actor()) || blank(e.action()) || blank(e.objectType()) || blank(e.outcome())) {
            throw new IllegalArgumentException("An audit entry needs an actor, an action, an object type and an outcome.");
        }
        return new AuditEntry(cut(e.actor(), 64), cut(e.action(), 64), cut(e.objectType(), 64), cut(e.objectId(), 64),
                cut(e.regionCode(), 15), cut(e.outcome(), 16), cut(e.detail(), 1000));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Result of checking the chain. */
    public record Verification(long entries, Long brokenAt, String problem) {
        public boolean intact() {
            return brokenAt == null;
        }
    }

    /** Recomputes every hash from the first entry; reports the first entry that does not fit. */
    public Verification verify() {
        String prev = AuditChain.GENESIS;
        long expected = 1;
        long count = 0;
        while (true) {
            long from = expected;
            List<AuditEntity> rows = jpa.txExpr(TransactionType.Supports, em -> em
                    .createQuery("select a from AuditEntity a where a.seq >= :from order by a.seq", AuditEntity.class)
                    .setParameter("from", from).setMaxResults(BATCH).getResultList());
            for (AuditEntity row : rows) {
                if (row.seq() != expected) {
                    return new Verification(count, expected, "entry " + expected + " is missing");
                }
                if (!row.prevHash().equals(prev)) {
                    return new Verification(count, row.seq(), "entry " + row.seq() + " does not follow the entry before it");
                }
                if (!AuditChain.hash(prev, row.seq(), row.at(), row.entry(), row.origin()).equals(row.hash())) {
                    return new Verification(count, row.seq(), "entry " + row.seq() + " was changed after it was written");
                }
                prev = row.hash();
                expected++;
                count++;
            }
            if (rows.size() < BATCH) {
                break;
            }
        }
        String last = prev;
        long total = count;
        Verification head = jpa.txExpr(TransactionType.Supports, em -> {
            AuditHead h = em.find(AuditHead.class, AuditHead.ID);
            if (h.seq() != total || !h.hash().equals(last)) {
                return new Verification(total, total + 1, "the chain ends at entry " + total + " but the head says "
                        + h.seq() + ": entries were removed from its end");
            }
            return null;
        });
        return head != null ? head : new Verification(count, null, null);
    }

    /**
     * Entries about a region's subtree, newest first, before an entry number (for paging).
     *
     * @param regionPrefix the region code prefix
     * @param withoutRegion whether entries that name no region (e.g. sign-in attempts by unknown names) are included
     * @param beforeSeq only entries numbered below this, or {@code null}
     * @param limit at most this many
     */
    public List<AuditRecord> inRegion(String regionPrefix, boolean withoutRegion, Long beforeSeq, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            String where = "(a.regionCode like :prefix" + (withoutRegion ? " or a.regionCode is null)" : ")")
                    + (beforeSeq == null ? "" : " and a.seq < :before");
            var q = em.createQuery("select a from AuditEntity a where " + where + " order by a.seq desc", AuditEntity.class)
                    .setParameter("prefix", regionPrefix + "%");
            if (beforeSeq != null) {
                q.setParameter("before", beforeSeq);
            }
            return q.setMaxResults(limit).getResultList().stream().map(AuditEntity::toRecord).toList();
        });
    }

    /** The newest entries first, optionally of one object. */
    public List<AuditRecord> latest(String objectType, String objectId, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            String where = objectType == null ? "" : " where a.objectType = :type"
                    + (objectId == null ? "" : " and a.objectId = :id");
            var q = em.createQuery("select a from AuditEntity a" + where + " order by a.seq desc", AuditEntity.class);
            if (objectType != null) {
                q.setParameter("type", objectType);
                if (objectId != null) {
                    q.setParameter("id", objectId);
                }
            }
            return q.setMaxResults(limit).getResultList().stream().map(AuditEntity::toRecord).toList();
        });
    }
}
