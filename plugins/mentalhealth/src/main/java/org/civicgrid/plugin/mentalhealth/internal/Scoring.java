package org.civicgrid.plugin.mentalhealth.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Scores questionnaires from their item answers, in the bands of the person's county. */
@Component(service = Scoring.class)
public class Scoring {

    private final List<CountyBands> counties = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCountyBands(CountyBands bands) {
        counties.add(bands);
    }

    void removeCountyBands(CountyBands bands) {
        counties.remove(bands);
    }

    /**
     * Scores the answers; refuses them whole (400) unless there is exactly one answer per item, each on the scale.
     *
     * @param regionCode the person's region; the bands of its county apply
     */
    ScreeningResult score(Instrument instrument, List<Integer> answers, String regionCode) {
        int items = instrument.items().size();
        if (answers == null || answers.size() != items) {
            throw ProblemException.badRequest(instrument.code() + " has " + items + " items: send answers as a list of "
                    + items + " numbers, one per item in order, not " + (answers == null ? "none" : answers.size()) + ".");
        }
        int top = instrument.scale().size() - 1;
        int total = 0;
        for (int i = 0; i < items; i++) {
            Integer answer = answers.get(i);
            if (answer == null || answer < 0 || answer > top) {
                throw ProblemException.badRequest("Item " + (i + 1) + " of " + instrument.code() + " is answered 0-" + top
                        + " (" + String.join(", ", instrument.scale()) + "), not " + answer + ".");
            }
            total += answer;
        }
        Band band = bands(instrument, regionCode).bandFor(total);
        boolean alert = instrument.alertItem() > 0 && answers.get(instrument.alertItem() - 1) >= 1;
        return new ScreeningResult(total, band.label(), alert ? RiskTier.CRISIS : band.tier(), alert);
    }

    /** The bands in force for an instrument in a region (or, for {@code null}, the standard ones). */
    public List<Band> bandsInForce(Instrument instrument, String regionCode) {
        return bands(instrument, regionCode).bands();
    }

    /** The bands in force for an instrument in a region: its county's own, else the standard. */
    BandTable bands(Instrument instrument, String regionCode) {
        String county = regionCode != null && regionCode.length() >= 6 ? regionCode.substring(0, 6) : null;
        for (CountyBands bands : counties) {
            if (bands.county().equals(county) && bands.table(instrument) != null) {
                return bands.table(instrument);
            }
        }
        return instrument.standardTable();
    }
}
