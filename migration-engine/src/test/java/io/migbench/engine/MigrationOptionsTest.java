package io.migbench.engine;

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
        assertThatThrownBy(() -> valid().tasks(0).build()).hasMessageContaining("'tasks'");
        assertThatThrownBy(() -> valid().partitions(0).build()).hasMessageContaining("'partitions'");
        assertThatThrownBy(() -> valid().indexTasks(0).build()).hasMessageContaining("'indexTasks'");
        assertThatThrownBy(() -> valid().schemas(List.of()).build()).hasMessageContaining("'schemas'");
        assertThatThrownBy(() -> valid().source(null).build()).hasMessageContaining("'source'");
        assertThatThrownBy(() -> valid().source(ConnectionSpec.of("jdbc:sqlserver://x;password=pw")).build())
                .hasMessageContaining("'source'").hasMessageNotContaining("pw");
    }

    @Test
    void rejectsResumeWithModesThatDiscardRows() {
        assertThatThrownBy(() -> valid().resume(true).mode(TargetMode.DROP_RECREATE).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'resume'");
        assertThatThrownBy(() -> valid().resume(true).mode(TargetMode.TRUNCATE).build())
                .hasMessageContaining("'resume'");
        assertThat(valid().resume(true).build().resume()).isTrue();
    }

    @Test
    void neverShowsPasswords() {
        MigrationOptions o = valid().build();
        assertThat(o.toString()).doesNotContain("s3cret").contains(Redaction.MASK);
        assertThat(o.target().toString()).doesNotContain("s3cret");
    }
}
