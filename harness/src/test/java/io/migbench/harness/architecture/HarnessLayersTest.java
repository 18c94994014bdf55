package io.migbench.harness.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The harness's layers run one way: config and model at the bottom; the domain (db, dataset, scenario,
 * results, stats) above; measure (what a trial used) above that; sweep, tune and report above measure;
 * service (the entry points the CLI and the Maven plugin share) above them; cli, the only home of picocli, on top.
 * The engine is a library below the whole harness and never looks up at it.
 */
@AnalyzeClasses(packages = "io.migbench", importOptions = ImportOption.DoNotIncludeTests.class)
class HarnessLayersTest {
    private static final String HARNESS = "io.migbench.harness";

    @ArchTest
    static final ArchRule harnessPackagesFormNoCycles = slices().matching(HARNESS + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersAreUsedOnlyFromAbove = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("foundation").definedBy(HARNESS + ".config..", HARNESS + ".model..")
            .layer("domain").definedBy(HARNESS + ".db..", HARNESS + ".dataset..", HARNESS + ".scenario..",
                    HARNESS + ".results..", HARNESS + ".stats..")
            .layer("measurement").definedBy(HARNESS + ".measure..")
            .layer("application").definedBy(HARNESS + ".sweep..", HARNESS + ".tune..", HARNESS + ".report..")
            .layer("service").definedBy(HARNESS + ".service..")
            .layer("cli").definedBy(HARNESS + ".cli..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("service").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("application").mayOnlyBeAccessedByLayers("service", "cli")
            .whereLayer("measurement").mayOnlyBeAccessedByLayers("application", "service", "cli")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("measurement", "application", "service", "cli")
            .whereLayer("foundation").mayOnlyBeAccessedByLayers("domain", "measurement", "application", "service", "cli");

    @ArchTest
    static final ArchRule commandsRunThroughTheServices = noClasses().that().resideInAPackage(HARNESS + ".cli..")
            .should().dependOnClassesThat().resideInAnyPackage(HARNESS + ".sweep..", HARNESS + ".report..");

    @ArchTest
    static final ArchRule configIsTheBottom = noClasses().that().resideInAPackage(HARNESS + ".config..")
            .should().dependOnClassesThat().resideInAPackage(HARNESS + ".model..");

    @ArchTest
    static final ArchRule scenarioModelKnowsNoBackendsOrGenerators = noClasses().that().resideInAPackage(HARNESS + ".scenario..")
            .should().dependOnClassesThat().resideInAnyPackage(HARNESS + ".db..", HARNESS + ".dataset..");

    @ArchTest
    static final ArchRule onlyTheCliUsesPicocli = noClasses().that().resideInAPackage(HARNESS + "..")
            .and().resideOutsideOfPackage(HARNESS + ".cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule engineNeverUsesTheHarness = noClasses().that().resideInAPackage("io.migbench.engine..")
            .should().dependOnClassesThat().resideInAPackage(HARNESS + "..");
}
