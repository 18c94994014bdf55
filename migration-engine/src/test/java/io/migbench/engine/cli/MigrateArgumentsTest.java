package io.migbench.engine.cli;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.RunPhase;
import io.migbench.engine.SplitStrategy;
import io.migbench.engine.VerifyMode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line rendered for another process parses back into the same options. */
class MigrateArgumentsTest {
    private static MigrationOptions.Builder postgres() {
        return MigrationOptions.builder().source(new ConnectionSpec("jdbc:postgresql://h/s", "reader", null))
                .target(new ConnectionSpec("jdbc:postgresql://h/t", "writer", null));
    }

    private static MigrationOptions parsed(List<String> args) {
        MigrateCommand command = new MigrateCommand();
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        return command.options();
    }

    @Test
    void everyPhaseRoundTrips() {
        List<MigrationOptions> all = List.of(
                postgres().build(),
                postgres().phase(RunPhase.PLAN).holdSnapshot(true).partitions(24).split(SplitStrategy.KEY)
                        .includeTables(List.of("a*", "b")).excludeTables(List.of("tmp_*")).sampleFraction(0.25).build(),
                postgres().phase(RunPhase.COPY).workerId("pod-3").tasks(2).lease(Duration.ofSeconds(20))
                        .sourceQuiesced(true).verify(VerifyMode.CHECKSUM).socketTimeout(Duration.ofSeconds(30)).build(),
                postgres().phase(RunPhase.FINALIZE).indexTasks(3).indexMemory("64MB").unloggedLoad(true).build(),
                MigrationOptions.builder().source(new ConnectionSpec("jdbc:sqlserver://h:1433;databaseName=so", "sa", null))
                        .target(ConnectionSpec.of("jdbc:postgresql://h/t")).phase(RunPhase.COPY).workerId("w")
                        .sourceQuiesced(true).typeOverrides(List.of("geography=text", "dbo.Places.Shape=bytea"))
                        .nulReplacement("?").build());
        for (MigrationOptions o : all) {
            List<String> args = MigrateArguments.of(o, "SRC_PW", "TGT_PW");
            MigrationOptions back = parsed(args);
            assertThat(back).as("parsed from %s", args).hasToString(o.toString());
            assertThat(back.typeOverrideEntries()).isEqualTo(o.typeOverrideEntries());
            assertThat(back.partitionsGiven()).isEqualTo(o.partitionsGiven());
        }
    }

    @Test
    void passwordsTravelAsVariableNamesOnly() {
        MigrationOptions o = MigrationOptions.builder().source(new ConnectionSpec("jdbc:postgresql://h/s", "u", "s3cret"))
                .target(new ConnectionSpec("jdbc:postgresql://h/t", "u", "s3cret")).phase(RunPhase.COPY).build();
        List<String> args = MigrateArguments.of(o, "SRC_PW", "TGT_PW");
        assertThat(String.join(" ", args)).doesNotContain("s3cret")
                .contains("--source-password-env=SRC_PW", "--target-password-env=TGT_PW");
    }
}
