package io.migbench.engine.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableFilterTest {
    @Test
    void matchesGlobsOnNameOrQualifiedNameCaseSensitively() {
        TableFilter f = new TableFilter(List.of("post*", "sales.?rders", "My Table"), List.of("*_tmp"));
        assertThat(f.accepts(new TableName("public", "posts"))).as("name glob").isTrue();
        assertThat(f.accepts(new TableName("public", "posts_tmp"))).as("excluded").isFalse();
        assertThat(f.accepts(new TableName("sales", "orders"))).as("qualified glob").isTrue();
        assertThat(f.accepts(new TableName("public", "orders"))).as("other schema").isFalse();
        assertThat(f.accepts(new TableName("x", "My Table"))).as("space in name").isTrue();
        assertThat(f.accepts(new TableName("x", "my table"))).as("case-sensitive").isFalse();
        assertThat(f.accepts(new TableName("x", "post.s"))).as("dot is literal in the glob").isTrue();
        assertThat(new TableFilter(List.of(), List.of()).accepts(new TableName("a", "b"))).as("empty include: all").isTrue();
    }

    @Test
    void ignoringCaseMatchesIncludesAndExcludesWhateverTheCase() {
        TableFilter f = new TableFilter(List.of("vo?e*", "DBO.Posts"), List.of("*_TMP")).ignoringCase();
        assertThat(f.accepts(new TableName("dbo", "Votes"))).as("name glob, other case").isTrue();
        assertThat(f.accepts(new TableName("dbo", "posts"))).as("qualified glob, other case").isTrue();
        assertThat(f.accepts(new TableName("dbo", "Votes_tmp"))).as("exclude, other case").isFalse();
        assertThat(f.accepts(new TableName("dbo", "Users"))).as("not included").isFalse();
        assertThat(new TableFilter(List.of("Votes"), List.of()).accepts(new TableName("dbo", "votes")))
                .as("the original filter stays case-sensitive").isFalse();
    }

    @Test
    void quotesIdentifiersWhateverTheyContain() {
        assertThat(new TableName("We\"ird", "Sp ace").quoted()).isEqualTo("\"We\"\"ird\".\"Sp ace\"");
        assertThat(Sql.literal("it's")).isEqualTo("'it''s'");
    }
}
