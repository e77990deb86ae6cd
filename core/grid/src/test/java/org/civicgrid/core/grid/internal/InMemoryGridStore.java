package org.civicgrid.core.grid.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The store as maps, for tests; {@link #write} from a test plays another node writing to the shared database. */
final class InMemoryGridStore implements GridStore {

    final Map<String, StoredGrid> grids = new TreeMap<>();
    final Map<String, AddressDraft> addresses = new TreeMap<>();
    final Set<String> demoCities = new HashSet<>();
    long revision;
    int revisionReads;
    int gridReads;

    @Override
    public synchronized Optional<StoredGrid> find(String code) {
        gridReads++;
        return Optional.ofNullable(grids.get(code));
    }

    @Override
    public synchronized List<StoredGrid> within(String codePrefix) {
        return grids.values().stream().filter(g -> g.code().startsWith(codePrefix)).toList();
    }

    @Override
    public synchronized Set<String> existing(Collection<String> codes) {
        Set<String> found = new HashSet<>(codes);
        found.retainAll(grids.keySet());
        return found;
    }

    @Override
    public synchronized long revision() {
        revisionReads++;
        return revision;
    }

    @Override
    public synchronized Changes changedSince(long since) {
        return new Changes(revision, grids.size(),
                grids.values().stream().filter(g -> g.revision() > since).toList());
    }

    @Override
    public synchronized long write(List<GridDraft> drafts) {
        return put(drafts, false);
    }

    @Override
    public synchronized void staff(String code, List<String> workers, String leader) {
        StoredGrid g = grids.get(code);
        grids.put(code, new StoredGrid(g.code(), g.name(), g.villageCode(), g.geoJson(), List.copyOf(workers), leader,
                g.demo(), g.revision()));
    }

    @Override
    public synchronized boolean demoGenerated(String cityCode) {
        return demoCities.contains(cityCode);
    }

    @Override
    public synchronized boolean writeDemo(String cityCode, List<GridDraft> drafts) {
        if (!demoCities.add(cityCode)) {
            return false;
        }
        put(drafts, true);
        return true;
    }

    @Override
    public synchronized Set<String> existingAddresses(Collection<String> keys) {
        Set<String> found = new HashSet<>(keys);
        found.retainAll(addresses.keySet());
        return found;
    }

    @Override
    public synchronized void writeAddresses(List<AddressDraft> drafts) {
        drafts.forEach(a -> addresses.put(a.address(), a));
    }

    @Override
    public synchronized Optional<String> gridOfAddress(List<String> candidates) {
        return candidates.stream().filter(addresses::containsKey)
                .max(Comparator.comparingInt(String::length))
                .map(a -> addresses.get(a).gridCode());
    }

    private long put(List<GridDraft> drafts, boolean demo) {
        revision++;
        for (GridDraft d : drafts) {
            StoredGrid old = grids.get(d.code());
            grids.put(d.code(), new StoredGrid(d.code(), d.name(), d.villageCode(), d.geoJson(),
                    old == null ? List.of() : old.workers(), old == null ? null : old.leader(), demo, revision));
        }
        return revision;
    }

    /** Removes a grid the way an operator's SQL might: the revision moves, the row goes. */
    synchronized void delete(String code) {
        grids.remove(code);
        revision++;
    }

    synchronized List<String> codes() {
        return new ArrayList<>(grids.keySet());
    }
}
