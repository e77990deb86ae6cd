package org.civicgrid.plugin.mediation.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The studio's settings from {@code etc/org.civicgrid.mediation.cfg}; a saved change applies at once. */
@Component(service = StudioSettings.class, configurationPid = StudioSettings.PID)
@Designate(ocd = StudioSettings.Config.class)
public class StudioSettings {

    static final String PID = "org.civicgrid.mediation";

    private static final Logger LOG = LoggerFactory.getLogger(StudioSettings.class);

    @ObjectClassDefinition(name = "civicgrid mediation studio",
            description = "Judicial-confirmation warnings and the font of printed agreements")
    public @interface Config {

        @AttributeDefinition(description = "Warn this many days before the 30-day judicial-confirmation window closes")
        int confirmationWarnDays() default 7;

        @AttributeDefinition(description = "TrueType fonts (.ttf or .ttc) with Chinese glyphs for printed "
                + "agreements, tried in order; the first one present is used")
        String[] agreementFonts() default {
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "C:/Windows/Fonts/simsun.ttc",
            "C:/Windows/Fonts/simhei.ttf"
        };
    }

    /** The built-in settings, as with no configuration file. */
    static final class ConfigDefaults {
        List<String> fonts() {
            try {
                return List.of((String[]) Config.class.getMethod("agreementFonts").getDefaultValue());
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private volatile int warnDays;
    private volatile List<String> fonts;

    @Activate
    public StudioSettings(Config config) {
        apply(config);
    }

    /** For tests and callers that build the studio by hand. */
    StudioSettings(int warnDays, List<String> fonts) {
        this.warnDays = warnDays;
        this.fonts = List.copyOf(fonts);
    }

    @Modified
    void modified(Config config) {
        apply(config);
    }

    private void apply(Config config) {
        int days = config.confirmationWarnDays();
        if (days < 0 || days > ConfirmationWindow.DAYS) {
            LOG.error("etc/{}.cfg: confirmationWarnDays must be 0 to {}, not {}; keeping {}", PID,
                    ConfirmationWindow.DAYS, days, warnDays == 0 ? 7 : warnDays);
            days = warnDays == 0 ? 7 : warnDays;
        }
        warnDays = days;
        fonts = List.of(config.agreementFonts());
        LOG.info("Mediation studio: warn {} day(s) before the confirmation window closes; agreement fonts {}",
                warnDays, fonts);
    }

    int warnDays() {
        return warnDays;
    }

    List<String> fonts() {
        return fonts;
    }
}
