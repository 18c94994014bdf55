package io.migbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A section is one class and one template: the two lists agree, and report.md.mustache includes them in order. */
class ReportSectionsTest {
    private static final Path TEMPLATES = Path.of("../report-templates");

    @Test
    void everyTemplateHasOneSectionAndEverySectionItsTemplate() throws IOException {
        List<String> templates;
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            templates = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".mustache"))
                    .map(n -> n.substring(0, n.length() - ".mustache".length())).sorted().toList();
        }
        List<String> sections = ReportView.SECTIONS.stream().map(ReportSection::template).sorted().toList();

        assertThat(sections).as("one section per template, no two sections on one template")
                .doesNotHaveDuplicates().containsExactlyElementsOf(templates);
    }

    @Test
    void theMainTemplateIncludesTheSectionsInTheirOrder() throws IOException {
        Matcher includes = Pattern.compile("\\{\\{>\\s*([\\w-]+)\\s*}}")
                .matcher(Files.readString(TEMPLATES.resolve(TemplateRenderer.MAIN)));
        List<String> included = includes.results().map(m -> m.group(1)).toList();

        assertThat(included).containsExactlyElementsOf(ReportView.SECTIONS.stream().map(ReportSection::template)
                .filter(t -> !TemplateRenderer.MAIN.equals(t + ".mustache")).toList());
    }
}
