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
 */
public record TdsCapabilities(boolean babelfish, int fractionalDigits, boolean alterDatabaseSnapshot,
                              boolean pageCounts, boolean storesNul) {
    static final TdsCapabilities SQL_SERVER = new TdsCapabilities(false, 7, true, true, true);
    static final TdsCapabilities BABELFISH = new TdsCapabilities(true, 6, false, false, false);

    /** {@code base} (a time literal without fraction) with the longest fraction of nines this server keeps. */
    public String maxFraction(String base) {
        return base + "." + "9".repeat(fractionalDigits);
    }
}
