package org.civicgrid.core.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration made through the API is written to etc/ as a .cfg file that reads back the same. */
class CaseConfigurationsTest {

    @Test
    void aCfgFileReadsBackTheSettingsAndNeverTheFileProperty(@TempDir Path etc) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("officeHours", "08:30-12:00,14:00-17:30");
        properties.put("unit", "龙港派出所");
        properties.put("region", "140521");
        properties.put(CaseConfigurations.FILE, "file:/x.cfg");
        Path file = etc.resolve("org.civicgrid.routing-console-1.cfg");
        CaseConfigurations.write(file, properties, "made by 张三");
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("# made by \\u5f20\\u4e09\n").contains("officeHours = 08:30-12:00,14:00-17:30")
                .doesNotContain("fileinstall");
        Properties read = new Properties();
        read.load(new StringReader(text));
        assertThat(read).hasSize(3).containsEntry("unit", "龙港派出所").containsEntry("region", "140521");
        assertThat(etc.toFile().list()).containsExactly("org.civicgrid.routing-console-1.cfg");
    }
}
