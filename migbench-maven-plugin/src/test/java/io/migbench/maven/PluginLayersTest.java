package io.migbench.maven;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The goals run the CLI's own code: they reach the harness only through its service entry points (plus the
 * scenario overrides they fill in, and the CLI itself for migrate, the engine's command), never its internals.
 */
@AnalyzeClasses(packages = "io.migbench.maven", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginLayersTest {
    @ArchTest
    static final ArchRule goalsUseOnlyTheHarnessServices = classes().that().resideInAPackage("io.migbench.maven..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.migbench.maven..", "io.migbench.harness.service..",
                    "io.migbench.harness.scenario..", "io.migbench.harness.cli..", "io.migbench.engine",
                    "org.apache.maven..", "picocli..", "java..");
}
