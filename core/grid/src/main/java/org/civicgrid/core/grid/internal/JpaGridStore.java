package org.civicgrid.core.grid.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/** The grid tables through JPA. */
final class JpaGridStore implements GridStore {

    /** Keeps IN lists well below every database's parameter limit. */
    private static final int CHUNK = 500;

    private final JpaTemplate jpa;

    JpaGridStore(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public Optional<StoredGrid> find(String code) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            GridEntity grid = em.find(GridEntity.class, code);
            return grid == null ? Optional.<StoredGrid>empty() : Optional.of(grid.toStored(workers(em, code)));
        });
    }

    @Override
    public List<StoredGrid> within(String codePrefix) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<GridEntity> grids = em.createQuery(
                            "select g from GridEntity g where g.code like :prefix order by g.code", GridEntity.class)
                    .setParameter("prefix", codePrefix + "%")
                    .getResultList();
            Map<String, List<String>> workers = new LinkedHashMap<>();
            em.createQuery("select w from GridWorkerEntity w where w.gridCode like :prefix order by w.userId",
                            GridWorkerEntity.class)
                    .setParameter("prefix", codePrefix + "%")
                    .getResultList()
                    .forEach(w -> workers.computeIfAbsent(w.gridCode(), c -> new ArrayList<>()).add(w.userId()));
            return grids.stream().map(g -> g.toStored(workers.getOrDefault(g.code(), List.of()))).toList();
        });
    }

    @Override
    public Set<String> existing(Collection<String> codes) {
        return inChunks(codes, chunk -> jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select g.code from GridEntity g where g.code in :codes", String.class)
                .setParameter("codes", chunk)
                .getResultList()));
    }

    @Override
    public long revision() {
        return jpa.txExpr(TransactionType.Supports, em -> em.find(GridStateEntity.class, GridStateEntity.ID).revision());
    }

    @Override
    public Changes changedSince(long revision) {
        return jpa.txExpr(TransactionType.Required, em -> {
            long current = em.find(GridStateEntity.class, GridStateEntity.ID).revision();
            List<StoredGrid> grids = em.createQuery(
                            "select g from GridEntity g where g.revision > :revision", GridEntity.class)
                    .setParameter("revision", revision)
                    .getResultList()
                    .stream().map(g -> g.toStored(List.of())).toList();
            long total = em.createQuery("select count(g) from GridEntity g", Long.class).getSingleResult();
            return new Changes(current, total, grids);
        });
    }

    @Override
    public long write(List<GridDraft> grids) {
        return jpa.txExpr(TransactionType.Required, em -> put(em, grids, false));
    }

    @Override
    public boolean demoGenerated(String cityCode) {
        return jpa.txExpr(TransactionType.Supports, em -> em.find(DemoLoadEntity.class, cityCode) != null);
    }

    @Override
    public boolean writeDemo(String cityCode, List<GridDraft> grids) {
        return jpa.txExpr(TransactionType.Required, em -> {
            // The lock on the state row makes a second node wait here, then find the record and write nothing.
            em.find(GridStateEntity.class, GridStateEntity.ID, LockModeType.PESSIMISTIC_WRITE);
            if (em.find(DemoLoadEntity.class, cityCode) != null) {
                return false;
            }
            put(em, grids, true);
            em.persist(new DemoLoadEntity(cityCode, grids.size(), now()));
            return true;
        });
    }

    @Override
    public Set<String> existingAddresses(Collection<String> addresses) {
        return inChunks(addresses, chunk -> jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select a.address from GridAddressEntity a where a.address in :addresses", String.class)
                .setParameter("addresses", chunk)
                .getResultList()));
    }

    @Override
    public void writeAddresses(List<AddressDraft> addresses) {
        LocalDateTime now = now();
        jpa.tx(TransactionType.Required, em -> {
            for (AddressDraft draft : addresses) {
                GridAddressEntity entity = em.find(GridAddressEntity.class, draft.address());
                boolean isNew = entity == null;
                if (isNew) {
                    entity = new GridAddressEntity(draft.address());
                }
                entity.update(draft.original(), draft.gridCode(), now);
                if (isNew) {
                    em.persist(entity);
                }
            }
        });
    }

    @Override
    public Optional<String> gridOfAddress(List<String> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select a from GridAddressEntity a where a.address in :candidates", GridAddressEntity.class)
                .setParameter("candidates", candidates)
                .getResultList()
                .stream()
                .max(Comparator.comparingInt(a -> a.address().length()))
                .map(GridAddressEntity::gridCode));
    }

    /** Inserts or replaces the grids under the next revision; the caller's transaction holds the state row lock. */
    private static long put(EntityManager em, List<GridDraft> grids, boolean demo) {
        GridStateEntity state = em.find(GridStateEntity.class, GridStateEntity.ID, LockModeType.PESSIMISTIC_WRITE);
        long revision = state.next();
        LocalDateTime now = now();
        Map<String, GridEntity> stored = new HashMap<>();
        List<String> codes = grids.stream().map(GridDraft::code).toList();
        for (int from = 0; from < codes.size(); from += CHUNK) {
            em.createQuery("select g from GridEntity g where g.code in :codes", GridEntity.class)
                    .setParameter("codes", codes.subList(from, Math.min(codes.size(), from + CHUNK)))
                    .getResultList()
                    .forEach(g -> stored.put(g.code(), g));
        }
        for (GridDraft draft : grids) {
            GridEntity entity = stored.get(draft.code());
            boolean isNew = entity == null;
            if (isNew) {
                entity = new GridEntity(draft.code());
            }
            entity.update(draft, demo, revision, now);
            if (isNew) {
                em.persist(entity);
            }
        }
        return revision;
    }

    @Override
    public void staff(String code, List<String> workers, String leader) {
        jpa.tx(TransactionType.Required, em -> {
            GridEntity grid = em.find(GridEntity.class, code);
            if (grid == null) {
                throw new IllegalStateException("grid " + code + " is gone");
            }
            em.createQuery("delete from GridWorkerEntity w where w.gridCode = :code").setParameter("code", code)
                    .executeUpdate();
            for (String worker : workers) {
                em.persist(new GridWorkerEntity(code, worker));
            }
            grid.leader(leader);
        });
    }

    private static List<String> workers(EntityManager em, String code) {
        return em.createQuery("select w.userId from GridWorkerEntity w where w.gridCode = :code order by w.userId",
                        String.class)
                .setParameter("code", code)
                .getResultList();
    }

    private static Set<String> inChunks(Collection<String> values, Function<List<String>, List<String>> query) {
        List<String> all = List.copyOf(new HashSet<>(values));
        Set<String> found = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(query.apply(all.subList(from, Math.min(all.size(), from + CHUNK))));
        }
        return found;
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
