package org.civicgrid.plugin.mentalhealth.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Statistical disclosure control for published counts. A count below the threshold is shown as {@code "<5"}
 * (zero too, so an empty cell cannot be told apart); where exactly one cell of a breakdown is hidden and the
 * total is shown, the smallest other cell is hidden as {@code ">=5"} so the hidden one cannot be worked out by
 * subtraction.
 */
final class SmallCounts {

    private SmallCounts() {
    }

    /** One count on its own. */
    static String shown(long count, int threshold) {
        return count < threshold ? "<" + threshold : Long.toString(count);
    }

    /** The cells of a breakdown whose total is shown with {@link #shown}. */
    static Map<String, String> breakdown(Map<String, Long> cells, int threshold) {
        Map<String, String> out = new LinkedHashMap<>();
        long total = 0;
        int hidden = 0;
        String smallestShown = null;
        for (Map.Entry<String, Long> cell : cells.entrySet()) {
            long count = cell.getValue();
            total += count;
            out.put(cell.getKey(), shown(count, threshold));
            if (count < threshold) {
                hidden++;
            } else if (smallestShown == null || count < cells.get(smallestShown)) {
                smallestShown = cell.getKey();
            }
        }
        if (hidden == 1 && total >= threshold && smallestShown != null) {
            out.put(smallestShown, ">=" + threshold);
        }
        return out;
    }
}
