package io.migbench.engine.sqlserver;

import io.migbench.engine.copy.binary.PgColumnType;
import io.migbench.engine.copy.binary.PgFieldKind;
import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlServerTypeMappingTest {
    /** SQL Server type as (name, max_length, precision, scale) from sys.columns → expected PostgreSQL DDL type. */
    private static final String[][] CASES = {
            {"bit", "1", "1", "0", "boolean"},
            {"tinyint", "1", "3", "0", "smallint"},
            {"smallint", "2", "5", "0", "smallint"},
            {"int", "4", "10", "0", "integer"},
            {"bigint", "8", "19", "0", "bigint"},
            {"decimal", "17", "38", "10", "numeric(38,10)"},
            {"numeric", "5", "9", "0", "numeric(9,0)"},
            {"money", "8", "19", "4", "numeric(19,4)"},
            {"smallmoney", "4", "10", "4", "numeric(10,4)"},
            {"float", "8", "53", "0", "double precision"},
            {"real", "4", "24", "0", "real"},
            {"char", "10", "0", "0", "char(10)"},
            {"nchar", "20", "0", "0", "char(10)"},
            {"varchar", "50", "0", "0", "varchar(50)"},
            {"nvarchar", "80", "0", "0", "varchar(40)"},
            {"sysname", "256", "0", "0", "varchar(128)"},
            {"text", "16", "0", "0", "text"},
            {"ntext", "16", "0", "0", "text"},
            {"binary", "16", "0", "0", "bytea"},
            {"varbinary", "-1", "0", "0", "bytea"},
            {"image", "16", "0", "0", "bytea"},
            {"timestamp", "8", "0", "0", "bytea"},
            {"rowversion", "8", "0", "0", "bytea"},
            {"date", "3", "10", "0", "date"},
            {"time", "5", "16", "7", "time(6)"},
            {"datetime", "8", "23", "3", "timestamp(3)"},
            {"datetime2", "8", "27", "7", "timestamp(6)"},
            {"smalldatetime", "4", "16", "0", "timestamp(0)"},
            {"datetimeoffset", "10", "34", "7", "timestamptz(6)"},
            {"uniqueidentifier", "16", "0", "0", "uuid"},
            {"xml", "-1", "0", "0", "xml"}};

    private final SqlServerTypeMapping mapping = new SqlServerTypeMapping(TypeOverrides.none());

    @Test
    void mapsEveryBuiltInTypeToAValidPostgresType() throws Exception {
        Map<String, String> ddl = new LinkedHashMap<>();
        Set<String> covered = new TreeSet<>();
        for (String[] c : CASES) {
            SqlServerColumnType type = new SqlServerColumnType(c[0], Integer.parseInt(c[1]), Integer.parseInt(c[2]),
                    Integer.parseInt(c[3]));
            assertThat(mapping.map("dbo", "t", "c", type).sql()).as("%s maps to", type).isEqualTo(c[4]);
            ddl.put("c_" + c[0], c[4]);
            covered.add(c[0]);
        }
        assertThat(covered).as("every built-in rule has a case here").isEqualTo(new TreeSet<>(SqlServerTypeMapping.supportedTypes()));

        String url = TestPostgres.newDatabase("type_mapping");
        List<String> columns = new ArrayList<>();
        ddl.forEach((name, type) -> columns.add("\"" + name + "\" " + type));
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE mapped (" + String.join(", ", columns) + ")");
            try (ResultSet rs = st.executeQuery("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                    + "WHERE attrelid = 'mapped'::regclass AND attname = 'c_datetimeoffset'")) {
                rs.next();
                assertThat(rs.getString(1)).as("PostgreSQL accepted the modifiers")
                        .isEqualTo("timestamp(6) with time zone");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"time,0,time(0)", "time,3,time(3)", "datetime2,0,timestamp(0)", "datetime2,6,timestamp(6)",
            "datetimeoffset,3,timestamptz(3)"})
    void keepsFractionalSecondPrecisionUpToSix(String name, int scale, String expected) {
        assertThat(mapping.map("dbo", "t", "c", new SqlServerColumnType(name, 8, 0, scale)).sql()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"varchar,text", "nvarchar,text", "varbinary,bytea"})
    void mapsMaxFormsToUnboundedTypes(String name, String expected) {
        assertThat(mapping.map("dbo", "t", "c", new SqlServerColumnType(name, -1, 0, 0)).sql()).isEqualTo(expected);
    }

    @Test
    void mapsSmallFloatPrecisionToReal() {
        assertThat(mapping.map("dbo", "t", "c", new SqlServerColumnType("float", 4, 24, 0)).kind())
                .isEqualTo(PgFieldKind.FLOAT4);
    }

    @ParameterizedTest
    @CsvSource({"sql_variant", "geography", "geometry", "hierarchyid"})
    void rejectsUnsupportedTypesNamingTableColumnAndType(String name) {
        assertThatThrownBy(() -> mapping.map("dbo", "Places", "Shape", new SqlServerColumnType(name, -1, 0, 0)))
                .isInstanceOf(UnsupportedTypeException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dbo.Places")
                .hasMessageContaining("column Shape")
                .hasMessageContaining("type " + name)
                .hasMessageContaining("--type-override");
    }

    @Test
    void columnOverrideWinsOverTypeOverride() {
        SqlServerTypeMapping overridden = new SqlServerTypeMapping(TypeOverrides.parse(
                List.of("geography=text", "dbo.Places.Shape=bytea", "datetime2 = timestamptz(3)")));
        SqlServerColumnType geography = new SqlServerColumnType("geography", -1, 0, 0);
        assertThat(overridden.map("dbo", "places", "shape", geography).sql()).as("per column, case-insensitive")
                .isEqualTo("bytea");
        assertThat(overridden.map("dbo", "Places", "Centre", geography).sql()).as("per type").isEqualTo("text");
        assertThat(overridden.map("dbo", "t", "c", new SqlServerColumnType("datetime2", 8, 27, 7)))
                .as("an override may also replace a built-in rule")
                .isEqualTo(PgColumnType.temporal(PgFieldKind.TIMESTAMPTZ, 3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"geography|must be", "=text|must be", "geography=|must be",
            "a.b=text|dot(s)", "geography=blob|unknown PostgreSQL type", "x=numeric(5,9)|scale"})
    void rejectsMalformedOverridesNamingTheOption(String entry, String message) {
        assertThatThrownBy(() -> TypeOverrides.parse(List.of(entry))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--type-override").hasMessageContaining(message);
    }

    @Test
    void rejectsDuplicateOverride() {
        assertThatThrownBy(() -> TypeOverrides.parse(List.of("geography=text", "GEOGRAPHY=bytea")))
                .hasMessageContaining("twice");
    }
}
