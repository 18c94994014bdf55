package io.migbench.harness.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders {@code report.md.mustache} and its partials, from the jar's {@code report-templates/} or from a
 * user's directory. Values are written verbatim: Markdown, unlike HTML, needs no entity escaping (table
 * cells are made safe when the view is built).
 */
final class TemplateRenderer {
    static final String MAIN = "report.md.mustache";
    private final DefaultMustacheFactory factory;

    private TemplateRenderer(DefaultMustacheFactory factory) {
        this.factory = factory;
    }

    /** Templates from {@code dir}, or the packaged ones when {@code dir} is null. */
    static TemplateRenderer from(Path dir) {
        if (dir == null) {
            return new TemplateRenderer(new VerbatimFactory("report-templates"));
        }
        if (!Files.isRegularFile(dir.resolve(MAIN))) {
            throw new IllegalArgumentException("--templates: " + dir + " has no " + MAIN);
        }
        return new TemplateRenderer(new VerbatimFactory(dir.toFile()));
    }

    String render(Map<String, Object> scope) {
        try {
            Mustache template = factory.compile(MAIN);
            StringWriter out = new StringWriter();
            template.execute(out, scope).flush();
            return out.toString();
        } catch (MustacheException e) {
            throw new IllegalArgumentException("report template error: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class VerbatimFactory extends DefaultMustacheFactory {
        VerbatimFactory(String classpathRoot) {
            super(classpathRoot);
        }

        VerbatimFactory(java.io.File fileRoot) {
            super(fileRoot);
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("could not write " + value, e);
            }
        }
    }
}
