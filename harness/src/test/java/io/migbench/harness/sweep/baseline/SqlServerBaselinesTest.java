package io.migbench.harness.sweep.baseline;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.schema.TableName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How freebcp and pgloader are called for a SQL Server source: no server needed, no password on a command line. */
class SqlServerBaselinesTest {
    private static final String PASSWORD = "Pw-s3cret!x";
    private static final ConnectionSpec SOURCE = new ConnectionSpec(
            "jdbc:sqlserver://db1:14330;databaseName=so;encrypt=false;trustServerCertificate=true", "reader", PASSWORD);
    private static final TableName POSTS = new TableName("dbo", "posts");

    @Test
    void sqlServerUrlsBecomeFreeTdsServerNames() {
        TdsEndpoint e = TdsEndpoint.of(SOURCE);
        assertThat(e.server()).isEqualTo("db1:14330");
        assertThat(e.database()).isEqualTo("so");
        assertThat(e.user()).isEqualTo("reader");
        assertThat(TdsEndpoint.of(ConnectionSpec.of("jdbc:sqlserver://h;DatabaseName=x;portNumber=2000")).server())
                .as("default host form, port as a property").isEqualTo("h:2000");
        assertThatThrownBy(() -> TdsEndpoint.of(ConnectionSpec.of("jdbc:sqlserver://h:1433;password=x")))
                .hasMessageContaining("databaseName").hasMessageNotContaining("password=x");
        assertThatThrownBy(() -> TdsEndpoint.of(ConnectionSpec.of("jdbc:postgresql://h/db")))
                .hasMessageContaining("SQL Server JDBC URL");
    }

    @Test
    void freebcpReadsThePasswordOnStandardInputAndReportsRowsRead() throws Exception {
        ExternalCommand c = FreebcpOut.command(POSTS, TdsEndpoint.of(SOURCE));
        assertThat(c.argv()).containsExactly("freebcp", "[so].[dbo].[posts]", "out", "/dev/null", "-c", "-S", "db1:14330",
                "-D", "so", "-U", "reader", "-P", "-");
        assertThat(c.stdin()).isEqualTo(PASSWORD + "\n");
        assertThat(c.display() + c.argv() + c.environment()).doesNotContain(PASSWORD);
        assertThat(FreebcpOut.rowsRead(POSTS, List.of("Starting copy...\n1000 rows successfully bulk-copied to host-file.\n"
                + "1234 rows copied.\nNetwork packet size (bytes): 4096\n"))).isEqualTo(1234);
        assertThatThrownBy(() -> FreebcpOut.rowsRead(POSTS, List.of("Msg 20018, Level 16\nInvalid object name\n")))
                .isInstanceOf(BaselineException.class).hasMessageContaining("did not report how many rows")
                .hasMessageContaining("dbo.posts");
    }

    @Test
    void pgloaderGetsItsConnectionStringsOnlyFromItsEnvironment() {
        String load = Pgloader.commandFile(List.of(POSTS, new TableName("dbo", "o'dd")), 4);
        assertThat(load).contains("FROM {{MIGBENCH_PGLOADER_SOURCE}}", "INTO {{MIGBENCH_PGLOADER_TARGET}}",
                        "workers = 4", "INCLUDING ONLY TABLE NAMES LIKE 'posts', 'o''dd' in schema 'dbo';")
                .doesNotContain(PASSWORD);
        assertThat(Pgloader.sourceUri(TdsEndpoint.of(SOURCE))).isEqualTo("mssql://reader:Pw-s3cret%21x@db1:14330/so");
        assertThat(Pgloader.targetUri(PgEndpoint.of(new ConnectionSpec("jdbc:postgresql://h:5433/t", "u", null))))
                .isEqualTo("postgresql://u@h:5433/t");
    }
}
