package io.migbench.engine.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine's layers: the {@code migrate} command on top; below it schema, then plan, then copy, verify and
 * state. The root package is the public API (Migrator, options, results, events) and still holds value types
 * the internals share (CopyFormat, MigrationException, …), so cycles through it are not checked here: the
 * rules cover the packages under it. The {@code migrate} command is a client of the public API like any library
 * user, so it does not reach into {@code internal}.
 */
@AnalyzeClasses(packages = "io.migbench.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineLayersTest {
    private static final String ENGINE = "io.migbench.engine";

    @ArchTest
    static final ArchRule enginePackagesFormNoCycles = slices().matching(ENGINE + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingUsesTheCommandLine = noClasses().that().resideOutsideOfPackage(ENGINE + ".cli..")
            .should().dependOnClassesThat().resideInAPackage(ENGINE + ".cli..");

    @ArchTest
    static final ArchRule onlyTheCommandLineUsesPicocli = noClasses().that().resideOutsideOfPackage(ENGINE + ".cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule schemaKnowsNoPlanOrCopy = noClasses().that().resideInAPackage(ENGINE + ".schema..")
            .should().dependOnClassesThat().resideInAnyPackage(ENGINE + ".plan..", ENGINE + ".copy..",
                    ENGINE + ".verify..", ENGINE + ".state..");

    @ArchTest
    static final ArchRule planKnowsNoCopyVerifyOrState = noClasses().that().resideInAPackage(ENGINE + ".plan..")
            .should().dependOnClassesThat().resideInAnyPackage(ENGINE + ".copy..", ENGINE + ".verify..",
                    ENGINE + ".state..");

    @ArchTest
    static final ArchRule theCommandLineUsesNoInternals = noClasses().that().resideInAPackage(ENGINE + ".cli..")
            .should().dependOnClassesThat().resideInAPackage(ENGINE + ".internal..");
}
