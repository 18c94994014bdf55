package io.migbench.engine.testing;

/**
 * What a TDS test server can do where SQL Server look-alikes differ from SQL Server itself, so tests accommodate
 * exactly these differences and keep every other check as strict as against SQL Server. Read from the server,
 * never assumed from a URL.
 *
 * @param babelfish             the server is Babelfish for PostgreSQL (its {@code @@VERSION} says so)
 * @param fractionalDigits      fractional-second digits time, datetime2 and datetimeoffset keep: 7 in SQL Server,
 *                              6 in Babelfish (a 7-digit literal there breaks the TDS stream)
 * @param alterDatabaseSnapshot {@code ALTER DATABASE ... SET ALLOW_SNAPSHOT_ISOLATION} is accepted (Babelfish
 *                              refuses it but reports snapshot isolation on and runs SNAPSHOT transactions)
 * @param pageCounts            {@code sys.allocation_units} is readable, so sizes are measured, not estimated
 * @param storesNul             strings can hold U+0000 (Babelfish stores them in PostgreSQL text, which cannot)
 * @param indexFilters          {@code sys.indexes} shows a filtered index's {@code filter_definition} (Babelfish 4.4
 *                              shows none, so its filtered indexes look unfiltered)
 * @param sequenceCatalog       {@code sys.sequences} lists the sequences (Babelfish 4.4's is empty)
 * @param inListCheckDefinitions {@code sys.check_constraints} shows the definition of a CHECK with an {@code IN} list
 *                              (Babelfish 4.4 fails with "unrecognized node type")
 */
public record TdsCapabilities(boolean babelfish, int fractionalDigits, boolean alterDatabaseSnapshot,
                              boolean pageCounts, boolean storesNul, boolean indexFilters, boolean sequenceCatalog,
                              boolean inListCheckDefinitions) {
    static final TdsCapabilities SQL_SERVER = new TdsCapabilities(false, 7, true, true, true, true, true, true);
    static final TdsCapabilities BABELFISH = new TdsCapabilities(true, 6, false, false, false, false, false, false);

    /** {@code base} (a time literal without fraction) with the longest fraction of nines this server keeps. */
    public String maxFraction(String base) {
        return base + "." + "9".repeat(fractionalDigits);
    }
}
