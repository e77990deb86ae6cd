package org.civicgrid.plugin.mentalhealth.internal;

import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A county's own bands, from a factory configuration {@code etc/org.civicgrid.mentalhealth.bands-<name>.cfg}.
 * An instrument left empty, or whose bands do not cover every total exactly once, keeps the standard bands
 * (the error is logged).
 */
@Component(service = CountyBands.class, configurationPid = CountyBands.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CountyBands.Config.class, factory = true)
public class CountyBands {

    static final String PID = "org.civicgrid.mentalhealth.bands";

    private static final Logger LOG = LoggerFactory.getLogger(CountyBands.class);

    @ObjectClassDefinition(name = "civicgrid mental-health bands of a county",
            description = "Severity bands of the screening instruments for one county; empty keeps the standard")
    public @interface Config {
        @AttributeDefinition(name = "County", description = "Division code of the county (6 digits), e.g. 140525")
        String county();

        @AttributeDefinition(name = "PHQ-9 bands", required = false,
                description = "label:min-max:TIER, comma-separated, covering 0-27, e.g. moderate:10-14:MODERATE (TIER: LOW, MODERATE, HIGH, CRISIS)")
        String[] phq9() default {};

        @AttributeDefinition(name = "GAD-7 bands", required = false,
                description = "label:min-max:TIER, comma-separated, covering 0-21, e.g. moderate:10-13:MODERATE")
        String[] gad7() default {};
    }

    private final String county;
    private final Map<String, BandTable> tables;

    @Activate
    public CountyBands(Config config) {
        this(config.county(), Map.of(Instrument.PHQ_9.code(), config.phq9(), Instrument.GAD_7.code(), config.gad7()));
    }

    CountyBands(String county, Map<String, String[]> bandsByInstrument) {
        this.county = county == null ? "" : county.trim();
        Map<String, BandTable> parsed = new HashMap<>();
        bandsByInstrument.forEach((code, texts) -> {
            if (texts == null || texts.length == 0) {
                return;
            }
            Instrument instrument = Instrument.byCode(code).orElseThrow();
            // A .cfg file gives one comma-separated string; a .config file or the web console a list.
            String[] bands = java.util.Arrays.stream(texts).flatMap(t -> java.util.Arrays.stream(t.split(",")))
                    .map(String::trim).filter(t -> !t.isEmpty()).toArray(String[]::new);
            if (bands.length == 0) {
                return;
            }
            try {
                parsed.put(instrument.code(), BandTable.parse(bands, instrument.maxScore()));
            } catch (IllegalArgumentException e) {
                LOG.error("The {} bands of county {} are not used, the standard ones apply: {}", code, this.county,
                        e.getMessage());
            }
        });
        if (!this.county.matches("\\d{6}")) {
            LOG.error("Bands configured for '{}' apply nowhere: county must be a 6-digit division code", this.county);
        }
        this.tables = Map.copyOf(parsed);
    }

    String county() {
        return county;
    }

    /** This county's table for an instrument, or {@code null} where the standard applies. */
    BandTable table(Instrument instrument) {
        return tables.get(instrument.code());
    }
}
