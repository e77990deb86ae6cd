package org.civicgrid.itests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything a platform's database holds, as someone with a copy of it would see it: on PostgreSQL every row of
 * every table of the schema, read as text; on the embedded H2, the raw bytes of its files, searched for a value as
 * H2 writes strings into its pages (uncompressed, one to three bytes a character: ASCII as is, others in H2's own
 * compact form, not UTF-8). Used to show that sensitive values are not stored in the clear.
 */
final class StoredData {

    private final String text;
    private final boolean rawBytes;

    private StoredData(String text, boolean rawBytes) {
        this.text = text;
        this.rawBytes = rawBytes;
    }

    static StoredData of(PlatformRun run) throws Exception {
        if (run.database instanceof TestDatabase.Postgres pg) {
            StringBuilder out = new StringBuilder();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + TestDatabase.Postgres.HOST + ":"
                    + TestDatabase.Postgres.PORT + "/" + pg.name, TestDatabase.Postgres.USER, TestDatabase.Postgres.PASSWORD);
                 Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet r = s.executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                    while (r.next()) {
                        tables.add(r.getString(1));
                    }
                }
                for (String table : tables) {
                    out.append("== ").append(table).append('\n');
                    try (ResultSet r = s.executeQuery("select * from \"" + table + "\"")) {
                        ResultSetMetaData meta = r.getMetaData();
                        while (r.next()) {
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                out.append(r.getString(i)).append('|');
                            }
                            out.append('\n');
                        }
                    }
                }
            }
            return new StoredData(out.toString(), false);
        }
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.list(run.platform.home.resolve("data/h2"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".db")).toList()) {
                out.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return new StoredData(out.toString(), true);
    }

    /** Whether the value is stored anywhere as it is. */
    boolean contains(String value) {
        return text.contains(rawBytes ? h2Bytes(value) : value);
    }

    /**
     * A string as H2's page store writes it ({@code DataUtils.writeStringData}), as ISO-8859-1 text to search the
     * file's bytes with: below U+0080 one byte, below U+0800 two ({@code 0xC0 | c >> 6}, {@code c & 0x3F}), above
     * three ({@code 0xE0 | c >> 12}, {@code c >> 6 & 0x3F}, {@code c & 0x3F}) — no continuation marks, unlike UTF-8.
     */
    static String h2Bytes(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c < 0x80) {
                out.append(c);
            } else if (c < 0x800) {
                out.append((char) (0xc0 | (c >> 6))).append((char) (c & 0x3f));
            } else {
                out.append((char) (0xe0 | (c >> 12))).append((char) ((c >> 6) & 0x3f)).append((char) (c & 0x3f));
            }
        }
        return out.toString();
    }

    /** The stored values among these. */
    List<String> found(String... values) {
        return Stream.of(values).filter(this::contains).toList();
    }
}
