package org.civicgrid.itests;

/**
 * One test class's platform: a database chosen by {@code civicgrid.it.database} and a freshly unpacked,
 * started distribution on it. Closing it stops the platform and drops the database.
 */
final class PlatformRun implements AutoCloseable {

    final TestDatabase database;
    final Distribution platform;

    private PlatformRun(TestDatabase database, Distribution platform) {
        this.database = database;
        this.platform = platform;
    }

    /** Unpacks and starts the distribution; {@code name} keeps each test class's copy apart. */
    static PlatformRun start(String name) throws Exception {
        TestDatabase database = TestDatabase.selected();
        try {
            Distribution platform = Distribution.unpack(name + "-" + database.kind().toLowerCase(), database);
            PlatformRun run = new PlatformRun(database, platform);
            platform.start();
            return run;
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            platform.stop();
        } finally {
            database.close();
        }
    }
}
