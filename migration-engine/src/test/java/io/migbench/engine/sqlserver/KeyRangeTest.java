package io.migbench.engine.sqlserver;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRangeTest {
    @Test
    void expandsCompositeHalfOpenBoundsLexicographically() {
        KeyRange r = new KeyRange(List.of("A", "B]x"), List.of(1, "m"), List.of(5, "c"));
        assertThat(r.predicate()).isEqualTo("(([A] >= ?) OR ([A] = ? AND [B]]x] >= ?)) AND "
                .replace("([A] >= ?)", "([A] > ?)") + "(([A] < ?) OR ([A] = ? AND [B]]x] < ?))");
        assertThat(r.parameters()).as("one parameter per placeholder, in order").containsExactly(1, 1, "m", 5, 5, "c");
        assertThat(r.predicate().chars().filter(c -> c == '?').count()).isEqualTo(r.parameters().size());
    }

    @Test
    void singleKeyAndOpenBounds() {
        assertThat(new KeyRange(List.of("Id"), List.of(10), null).predicate()).isEqualTo("(([Id] >= ?))");
        assertThat(new KeyRange(List.of("Id"), null, List.of(10)).predicate()).isEqualTo("(([Id] < ?))");
        assertThat(new KeyRange(List.of("Id"), null, null).predicate()).isEqualTo("1 = 1");
        assertThatThrownBy(() -> new KeyRange(List.of("A", "B"), Arrays.asList(1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundarySqlNumbersRowsOverTheKeyWithoutSortingTheRangeReads() {
        assertThat(SqlServerRangePlanner.boundarySql("[dbo].[Votes]", List.of("Id")))
                .isEqualTo("SELECT [Id] FROM (SELECT [Id], ROW_NUMBER() OVER (ORDER BY [Id]) AS rn FROM [dbo].[Votes]) q "
                        + "WHERE rn > 1 AND (rn - 1) % ? = 0 ORDER BY rn");
    }

    @Test
    void optionsParse() {
        assertThat(SourceIsolation.parse("read-uncommitted")).isEqualTo(SourceIsolation.READ_UNCOMMITTED);
        assertThatThrownBy(() -> SourceIsolation.parse("dirty")).hasMessageContaining("--source-isolation");
        assertThat(IdentifierCase.parse("preserve").apply("PostId")).isEqualTo("PostId");
        assertThat(IdentifierCase.LOWER.apply("PostId")).isEqualTo("postid");
    }
}
