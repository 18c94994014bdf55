package io.migbench.engine.sqlserver.tsql;

import io.migbench.engine.copy.binary.PgColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Translation of catalog expressions as SQL Server stores them (bracketed names, parenthesised literals). */
class TsqlTranslatorTest {
    private static final TsqlColumn QTY = column("Qty", "int", "integer");
    private static final TsqlColumn PRICE = column("Price", "decimal", "numeric(10,2)");
    private static final TsqlColumn NAME = column("Name", "nvarchar", "varchar(40)");
    private static final TsqlColumn CODE = column("Code", "char", "char(3)");
    private static final TsqlColumn ACTIVE = column("Active", "bit", "boolean");
    private static final TsqlColumn CREATED = column("Created", "datetime", "timestamp(3)");
    private static final TsqlColumn DAY = column("Day", "date", "date");
    private static final TsqlColumn AT = column("At", "datetimeoffset", "timestamptz(6)");
    private static final TsqlColumn ID = column("Id", "uniqueidentifier", "uuid");
    private static final TsqlColumn RATIO = column("Ratio", "float", "double precision");
    private static final TsqlColumn SHAPE = column("Shape", "geography", "text");

    private final TsqlTranslator translator = new TsqlTranslator(List.of(QTY, PRICE, NAME, CODE, ACTIVE, CREATED, DAY,
            AT, ID, RATIO, SHAPE), (schema, name) -> name.equals("OrderNo") ? "\"dbo\".\"orderno\"" : null);

    private static TsqlColumn column(String name, String sourceType, String targetType) {
        return new TsqlColumn(name, sourceType, name.toLowerCase(), PgColumnType.parse(targetType));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ~ ", quoteCharacter = '`', value = {
            "([Qty]>(0)) ~ (\"qty\" > 0)",
            "([Qty]>=(1) AND [Qty]<=(100)) ~ ((\"qty\" >= 1) AND (\"qty\" <= 100))",
            "([Price]*[Qty]<(1000.50) OR [Price] IS NULL) ~ (((\"price\" * \"qty\") < 1000.50) OR (\"price\" IS NULL))",
            "([Active]=(1)) ~ (\"active\" = true)",
            "(NOT [Active]=(0)) ~ (NOT (\"active\" = false))",
            "([Created]>='2000-01-01') ~ (\"created\" >= '2000-01-01')",
            "([Day]<=[Created]) ~ (\"day\" <= \"created\")",
            "(len([Name])>(2)) ~ (length(rtrim(\"name\")) > 2)",
            "([Qty] IN ((1), (2), (3))) ~ (\"qty\" IN (1, 2, 3))",
            "([Qty] NOT BETWEEN (5) AND (-5)) ~ (\"qty\" NOT BETWEEN 5 AND -5)",
            "(datepart(year,[Created])>=(2000)) ~ (CAST(EXTRACT(YEAR FROM \"created\") AS integer) >= 2000)",
            "([Id]<>'6F9619FF-8B86-D011-B42D-00C04FC964FF') ~ (\"id\" <> '6F9619FF-8B86-D011-B42D-00C04FC964FF')",
            "(([Qty]&(1))=(0)) ~ ((\"qty\" & 1) = 0)",
            "(isnull([Qty],(0))>=(0)) ~ (coalesce(\"qty\", 0) >= 0)",
            "([Ratio]/(2)<(1.5E0)) ~ ((\"ratio\" / 2) < CAST(1.5E0 AS double precision))",
    })
    void checksThatMeanTheSameTranslate(String tsql, String pg) {
        Translation t = translator.check(tsql);
        assertThat(t.reason()).isNull();
        assertThat(t.sql()).isEqualTo(pg);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ~ ", quoteCharacter = '`', value = {
            "([Name]='x') ~ compares text",
            "([Code] IN ('a','b')) ~ compares text",
            "([Name] like '%@%') ~ LIKE on text",
            "([Price]/[Qty]>(1)) ~ decimal division",
            "([Shape] IS NOT NULL) ~ uses column Shape of type geography",
            "([dbo].[ok]([Qty])=(1)) ~ calls dbo.ok, a user function",
            "([Active]=(2)) ~ compares a bit with a integer other than 0 or 1",
            "([At]>'2020-01-01') ~ the literal '2020-01-01' as a datetimeoffset",
            "([Id]>'6F9619FF-8B86-D011-B42D-00C04FC964FF') ~ orders uniqueidentifiers",
            "((select (1))=(1)) ~ not read as a T-SQL expression (a subquery)",
            "([Qty]) ~ not a condition",
            "(datediff(week,[Day],[Created])>(1)) ~ DATEDIFF of week",
            "([Missing]>(0)) ~ names Missing, which is not a column",
    })
    void checksThatWouldMeanSomethingElseAreRefusedWithTheReason(String tsql, String reason) {
        Translation t = translator.check(tsql);
        assertThat(t.sql()).isNull();
        assertThat(t.reason()).startsWith(reason);
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(delimiterString = " ~ ", quoteCharacter = '`', value = {
            "((0)) ~ Active ~ false",
            "((1)) ~ Active ~ true",
            "('true') ~ Active ~ true",
            "((1.9)) ~ Qty ~ 1",
            "((-1)) ~ Qty ~ -1",
            "('42') ~ Qty ~ 42",
            "((0.00)) ~ Price ~ 0.00",
            "(N'n/a') ~ Name ~ 'n/a'",
            "((7)) ~ Name ~ '7'",
            "('it''s') ~ Name ~ 'it''s'",
            "(getdate()) ~ Created ~ LOCALTIMESTAMP",
            "(sysdatetime()) ~ Created ~ LOCALTIMESTAMP",
            "(getutcdate()) ~ Created ~ (now() AT TIME ZONE 'UTC')",
            "(getdate()) ~ At ~ (CAST(LOCALTIMESTAMP AS timestamp) AT TIME ZONE 'UTC')",
            "(sysdatetimeoffset()) ~ At ~ CURRENT_TIMESTAMP",
            "(CONVERT([date],getdate())) ~ Day ~ CAST(LOCALTIMESTAMP AS date)",
            "(dateadd(day,(30),getdate())) ~ Created ~ (LOCALTIMESTAMP + make_interval(days => CAST(30 AS integer)))",
            "(newid()) ~ Id ~ gen_random_uuid()",
            "(newsequentialid()) ~ Id ~ gen_random_uuid()",
            "(suser_sname()) ~ Name ~ SESSION_USER",
            "(user_name()) ~ Name ~ CURRENT_USER",
            "('19000101') ~ Day ~ '19000101'",
            "(NULL) ~ Qty ~ NULL",
            "(NEXT VALUE FOR [dbo].[OrderNo]) ~ Qty ~ nextval('\"dbo\".\"orderno\"'::regclass)",
            "(CONVERT([bit],(0))) ~ Active ~ false",
            "((1.5E3)) ~ Ratio ~ CAST(1.5E3 AS double precision)",
            "(CAST(('new') AS nvarchar(3))) ~ Name ~ 'new'",
            "(CAST(('new') AS nchar(3))) ~ Code ~ CAST('new' AS char(3))",
            "nextval('OrderNo') ~ Qty ~ nextval('\"dbo\".\"orderno\"'::regclass)",
    })
    void defaultsTranslateToTheColumnsType(String tsql, String column, String pg) {
        Translation t = translator.columnDefault(tsql, columnNamed(column));
        assertThat(t.reason()).isNull();
        assertThat(t.sql()).isEqualTo(pg);
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(delimiterString = " ~ ", quoteCharacter = '`', value = {
            "(host_name()) ~ Name ~ calls HOST_NAME",
            "(CONVERT([varchar](10),getdate(),(112))) ~ Name ~ CONVERT with style 112",
            "('01/02/2020') ~ Day ~ the literal '01/02/2020' as a date",
            "((1.5E0)) ~ Name ~ the literal CAST(1.5E0 AS double precision) as a text",
            "('abc') ~ Qty ~ the literal 'abc' as a integer",
            "(NEXT VALUE FOR [dbo].[Other]) ~ Qty ~ draws from sequence dbo.Other, which is not migrated",
            "(0x0A) ~ Shape ~ the column is geography mapped to text",
    })
    void defaultsWithoutAFaithfulFormAreRefused(String tsql, String column, String reason) {
        Translation t = translator.columnDefault(tsql, columnNamed(column));
        assertThat(t.sql()).isNull();
        assertThat(t.reason()).startsWith(reason);
    }

    @ParameterizedTest(name = "{0} as {1} {2}")
    @CsvSource(delimiterString = " ~ ", quoteCharacter = '`', value = {
            "([Qty]*[Price]) ~ decimal ~ numeric(21,2) ~ (\"qty\" * \"price\")",
            "(([Name]+N' ')+[Name]) ~ nvarchar ~ varchar(81) ~ ((\"name\" || ' ') || \"name\")",
            "(upper([Name])) ~ nvarchar ~ varchar(40) ~ upper(\"name\")",
            "(CONVERT([date],[Created])) ~ date ~ date ~ CAST(\"created\" AS date)",
            "(CONVERT([int],[Price])) ~ int ~ integer ~ CAST(trunc(\"price\") AS integer)",
            "(CONVERT([varchar](12),[Qty])) ~ varchar ~ varchar(12) ~ CAST(\"qty\" AS varchar(12))",
            "(case when [Qty]>(10) then 'many' when [Qty]>(0) then 'some' else 'none' end) ~ varchar ~ varchar(4) ~ "
                    + "CASE WHEN (\"qty\" > 10) THEN 'many' WHEN (\"qty\" > 0) THEN 'some' ELSE 'none' END",
            "(datediff(day,[Day],[Created])) ~ int ~ integer ~ (CAST(\"created\" AS date) - CAST(\"day\" AS date))",
            "(dateadd(month,(1),[Day])) ~ date ~ date ~ CAST((\"day\" + make_interval(months => CAST(1 AS integer))) AS date)",
            "(concat([Name],'-',[Qty])) ~ nvarchar ~ varchar(4000) ~ "
                    + "(coalesce(\"name\", '') || coalesce('-', '') || coalesce(CAST(\"qty\" AS text), ''))",
            "(CONVERT([bit],case when [Qty]>(0) then (1) else (0) end)) ~ bit ~ boolean ~ (CASE WHEN (\"qty\" > 0) THEN 1 ELSE 0 END <> 0)",
            "(CONVERT([float],(5))/(2)) ~ float ~ double precision ~ (CAST(5 AS double precision) / 2)",
    })
    void computedColumnsTranslateWhenImmutable(String tsql, String sourceType, String targetType, String pg) {
        Translation t = translator.computed(tsql, column("Total", sourceType, targetType));
        assertThat(t.reason()).isNull();
        assertThat(t.sql()).isEqualTo(pg);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ~ ", quoteCharacter = '`', value = {
            "(getdate()) ~ datetime ~ timestamp(3) ~ uses the current time, which a PostgreSQL generated column cannot",
            "([Code]+'x') ~ varchar ~ varchar(4) ~ joins a char(n) value",
            "(CONVERT([varchar](20),[Created])) ~ varchar ~ varchar(20) ~ a conversion of a datetime to text, whose text form differs",
            "(CONVERT([datetime],[Day])) ~ datetime ~ timestamp(3) ~ -",
            "(CONVERT([date],'2020-01-01')) ~ date ~ date ~ -",
            "(CONVERT([date],[Name])) ~ date ~ date ~ uses a conversion of text to date",
            "(year([At])) ~ int ~ integer ~ the year of a datetimeoffset, which T-SQL takes at the value's own offset",
            "([Price]*$2.5) ~ money ~ numeric(19,4) ~ -",
    })
    void computedColumnsThatWouldDifferAreRefused(String tsql, String sourceType, String targetType, String reason) {
        Translation t = translator.computed(tsql, column("Total", sourceType, targetType));
        if (reason.equals("-")) {
            assertThat(t.reason()).as("translates: %s", t.sql()).isNull();
        } else {
            assertThat(t.sql()).isNull();
            assertThat(t.reason()).startsWith(reason);
        }
    }

    @Test
    void aDateLiteralComparedWithADateIsReadAsOne() {
        assertThat(translator.check("([Day]>='20200101' AND [Day]<'2030-01-01')").sql())
                .isEqualTo("((\"day\" >= '20200101') AND (\"day\" < '2030-01-01'))");
    }

    private static TsqlColumn columnNamed(String name) {
        return List.of(QTY, PRICE, NAME, CODE, ACTIVE, CREATED, DAY, AT, ID, RATIO, SHAPE).stream()
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
