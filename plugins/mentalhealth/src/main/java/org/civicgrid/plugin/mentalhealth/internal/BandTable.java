package org.civicgrid.plugin.mentalhealth.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The bands of one instrument, covering every possible total exactly once. */
public record BandTable(List<Band> bands) {

    public BandTable {
        bands = List.copyOf(bands);
    }

    /**
     * Parses and checks a table for an instrument whose totals run from 0 to {@code maxScore}.
     *
     * @throws IllegalArgumentException saying what is wrong (a gap, an overlap, a range past the maximum)
     */
    static BandTable parse(String[] texts, int maxScore) {
        List<Band> parsed = new ArrayList<>();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                parsed.add(Band.parse(text));
            }
        }
        parsed.sort(Comparator.comparingInt(Band::min));
        int next = 0;
        for (Band band : parsed) {
            if (band.min() > band.max()) {
                throw new IllegalArgumentException("Band " + band + " ends before it starts");
            }
            if (band.min() != next) {
                throw new IllegalArgumentException(band.min() < next
                        ? "Band " + band + " overlaps the band before it"
                        : "No band covers totals " + next + "-" + (band.min() - 1));
            }
            next = band.max() + 1;
        }
        if (next != maxScore + 1) {
            throw new IllegalArgumentException(next > maxScore + 1
                    ? "Bands run past the highest total " + maxScore
                    : "No band covers totals " + next + "-" + maxScore);
        }
        return new BandTable(parsed);
    }

    /** The band a total falls in. */
    Band bandFor(int total) {
        for (Band band : bands) {
            if (total >= band.min() && total <= band.max()) {
                return band;
            }
        }
        throw new IllegalArgumentException("No band covers the total " + total);
    }
}
