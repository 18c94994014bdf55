package io.migbench.engine;

import io.migbench.engine.internal.Redaction;
import io.migbench.engine.sqlserver.IdentifierCase;
import io.migbench.engine.sqlserver.SourceIsolation;
import io.migbench.engine.sqlserver.SqlServerColumnType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationOptionsTest {
    private static MigrationOptions.Builder valid() {
        return MigrationOptions.builder().source(ConnectionSpec.of("jdbc:postgresql://h/s"))
                .target(new ConnectionSpec("jdbc:postgresql://h/t", "u", "s3cret"));
    }

    @Test
    void defaultsFollowTheContract() {
        MigrationOptions o = valid().tasks(6).build();
        assertThat(o.schemas()).containsExactly("public");
        assertThat(o.partitions()).as("partitions default to tasks").isEqualTo(6);
        assertThat(o.copyFormat()).isEqualTo(CopyFormat.BINARY);
        assertThat(o.verify()).isEqualTo(VerifyMode.COUNT);
        assertThat(o.mode()).isEqualTo(TargetMode.CREATE);
        assertThat(o.split()).isEqualTo(SplitStrategy.AUTO);
        assertThat(o.indexTasks()).isEqualTo(4);
    }

    @Test
    void rejectsBadValuesNamingTheOption() {
        assertThatThrownBy(() -> valid().tasks(0).build()).hasMessageStartingWith("--tasks ");
        assertThatThrownBy(() -> valid().partitions(0).build()).hasMessageStartingWith("--partitions ");
        assertThatThrownBy(() -> valid().indexTasks(0).build()).hasMessageStartingWith("--index-tasks ");
        assertThatThrownBy(() -> valid().indexMemory("lots").build()).hasMessageStartingWith("--index-memory ");
        assertThatThrownBy(() -> valid().indexMemory("64 MB").build()).hasMessageStartingWith("--index-memory ");
        assertThat(valid().indexMemory("64MB").build().indexMemory()).isEqualTo("64MB");
        assertThatThrownBy(() -> valid().schemas(List.of()).build()).hasMessageStartingWith("--schema ");
        assertThatThrownBy(() -> valid().source(null).build()).hasMessageStartingWith("--source ");
        assertThatThrownBy(() -> valid().source(ConnectionSpec.of("jdbc:mysql://x;password=pw")).build())
                .hasMessageStartingWith("--source ").hasMessageNotContaining("pw");
    }

    @Test
    void rejectsResumeWithModesThatDiscardRows() {
        assertThatThrownBy(() -> valid().resume(true).mode(TargetMode.DROP_RECREATE).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--resume ");
        assertThatThrownBy(() -> valid().resume(true).mode(TargetMode.TRUNCATE).build())
                .hasMessageStartingWith("--resume ");
        assertThat(valid().resume(true).build().resume()).isTrue();
    }

    private static MigrationOptions.Builder sqlServer() {
        return valid().source(new ConnectionSpec("jdbc:sqlserver://h:1433;databaseName=so", "sa", "pw"));
    }

    @Test
    void sqlServerSourceDefaultsToDboLowerCaseSnapshotWhereAllowedAndRejectingNul() {
        MigrationOptions o = sqlServer().build();
        assertThat(o.sqlServerSource()).isTrue();
        assertThat(o.schemas()).as("SQL Server's default schema").containsExactly("dbo");
        assertThat(o.sourceIsolation()).isEqualTo(SourceIsolation.AUTO);
        assertThat(o.identifierCase()).isEqualTo(IdentifierCase.LOWER);
        assertThat(o.nulPolicy().rejects()).isTrue();
        assertThat(sqlServer().schemas(List.of("sales")).build().schemas()).as("given schemas win").containsExactly("sales");
        MigrationOptions set = sqlServer().typeOverrides(List.of("geography=text", "dbo.T.C=numeric(10,2)"))
                .sourceIsolation(SourceIsolation.READ_UNCOMMITTED).identifierCase(IdentifierCase.PRESERVE)
                .nulReplacement("").build();
        assertThat(set.typeOverrides().find("dbo", "t", "c", new SqlServerColumnType("int", 4, 10, 0)))
                .as("column override parsed, matched case-insensitively").hasValueSatisfying(t ->
                        assertThat(t.sql()).isEqualTo("numeric(10,2)"));
        assertThat(set.nulPolicy().replacement()).isEmpty();
        assertThat(set.identifierCase()).isEqualTo(IdentifierCase.PRESERVE);
        assertThat(set.toString()).contains("READ_UNCOMMITTED").doesNotContain("pw");
    }

    @Test
    void rejectsSqlServerOptionsForPostgresSourcesAndContradictionsForSqlServer() {
        assertThatThrownBy(() -> valid().typeOverrides(List.of("xml=text")).build()).hasMessageStartingWith("--type-override ")
                .hasMessageContaining("SQL Server sources only");
        assertThatThrownBy(() -> valid().sourceIsolation(SourceIsolation.SNAPSHOT).build())
                .hasMessageStartingWith("--source-isolation ");
        assertThatThrownBy(() -> valid().identifierCase(IdentifierCase.PRESERVE).build())
                .hasMessageStartingWith("--identifier-case ");
        assertThatThrownBy(() -> valid().nulReplacement("?").build()).hasMessageStartingWith("--nul-replacement ");
        assertThat(valid().build().schemas()).containsExactly("public");
        assertThatThrownBy(() -> sqlServer().typeOverrides(List.of("geography")).build())
                .hasMessageStartingWith("--type-override 'geography'");
        assertThatThrownBy(() -> sqlServer().typeOverrides(List.of("geography=hstore")).build())
                .hasMessageStartingWith("--type-override ").hasMessageContaining("unknown PostgreSQL type");
        assertThatThrownBy(() -> sqlServer().nulReplacement("a\u0000b").build())
                .hasMessageStartingWith("--nul-replacement ");
        assertThatThrownBy(() -> sqlServer().copyFormat(CopyFormat.TEXT).build()).hasMessageStartingWith("--copy-format ");
        assertThatThrownBy(() -> sqlServer().split(SplitStrategy.CTID).build()).hasMessageStartingWith("--split ");
        assertThatThrownBy(() -> sqlServer().schemas(List.of("MigBench")).build())
                .as("lower-cased, it would be the engine's state schema").hasMessageStartingWith("--schema ");
        assertThat(sqlServer().schemas(List.of("MigBench")).identifierCase(IdentifierCase.PRESERVE).build().schemas())
                .containsExactly("MigBench");
    }

    @Test
    void neverShowsPasswords() {
        MigrationOptions o = valid().build();
        assertThat(o.toString()).doesNotContain("s3cret").contains(Redaction.MASK);
        assertThat(o.target().toString()).doesNotContain("s3cret");
    }

    @Test
    void phaseOptionsBelongToTheirPhases() {
        assertThat(valid().phase(RunPhase.COPY).workerId("w1").lease(java.time.Duration.ofSeconds(5)).build().lease())
                .isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(valid().phase(RunPhase.COPY).build().workerId()).as("default worker id: host and pid")
                .endsWith("-" + ProcessHandle.current().pid());
        assertThatThrownBy(() -> valid().phase(RunPhase.PLAN).workerId("w1").build()).hasMessageStartingWith("--worker-id ");
        assertThatThrownBy(() -> valid().phase(RunPhase.COPY).workerId(" ").build()).hasMessageStartingWith("--worker-id ");
        assertThatThrownBy(() -> valid().phase(RunPhase.FINALIZE).lease(java.time.Duration.ofSeconds(5)).build())
                .hasMessageStartingWith("--lease ");
        assertThatThrownBy(() -> valid().phase(RunPhase.COPY).lease(java.time.Duration.ZERO).build())
                .hasMessageStartingWith("--lease ");
        assertThatThrownBy(() -> valid().phase(RunPhase.COPY).holdSnapshot(true).build())
                .hasMessageStartingWith("--hold-snapshot applies to --phase plan");
        assertThatThrownBy(() -> valid().phase(RunPhase.PLAN).holdSnapshot(true).sourceQuiesced(true).build())
                .hasMessageStartingWith("--source-quiesced contradicts --hold-snapshot");
        assertThatThrownBy(() -> valid().sourceQuiesced(true).build()).as("the one-process run")
                .hasMessageStartingWith("--source-quiesced ");
        assertThatThrownBy(() -> valid().phase(RunPhase.COPY).resume(true).build()).hasMessageStartingWith("--resume ");
        assertThatThrownBy(() -> valid().phase(RunPhase.COPY).indexTasks(2).build()).hasMessageStartingWith("--index-tasks ");
        assertThatThrownBy(() -> valid().phase(RunPhase.PLAN).source(null).build()).hasMessageStartingWith("--source ");
        assertThat(valid().phase(RunPhase.STATUS).source(null).build().source()).as("status reads the target only").isNull();
    }

    @Test
    void aSqlServerSourceCannotHoldASnapshot() {
        assertThatThrownBy(() -> sqlServer().phase(RunPhase.PLAN).holdSnapshot(true).build())
                .isInstanceOf(OptionException.class)
                .hasMessageStartingWith("--hold-snapshot needs a PostgreSQL source").hasMessageContaining("--source-quiesced");
        assertThat(sqlServer().phase(RunPhase.PLAN).sourceQuiesced(true).build().sourceQuiesced()).isTrue();
    }
}
