package io.migbench.maven;

import io.migbench.harness.cli.MigbenchCli;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import picocli.CommandLine;

import java.io.File;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mvn migbench:migrate}: {@code migbench migrate} itself (the engine's command, with its options and exit
 * codes); the build fails when the migration or its verification fails. Passwords come from environment variables.
 */
@Mojo(name = "migrate", requiresProject = false, threadSafe = false)
public class MigrateMojo extends AbstractMojo {
    /** Source JDBC URL. */
    @Parameter(property = "migbench.source", required = true)
    String source;

    /** Target JDBC URL. */
    @Parameter(property = "migbench.target", required = true)
    String target;

    /** Environment variable holding the source password. */
    @Parameter(property = "migbench.sourcePasswordEnv")
    String sourcePasswordEnv;

    /** Environment variable holding the target password. */
    @Parameter(property = "migbench.targetPasswordEnv")
    String targetPasswordEnv;

    /** Settings file written by tune: its recommendation becomes the task count, partitions and copy format. */
    @Parameter(property = "migbench.settings")
    File settings;

    /** The platform of the settings file to use (needed when it has several). */
    @Parameter(property = "migbench.platform")
    String platform;

    /** Any other option of {@code migbench migrate}, one per element, e.g. {@code <argument>--tables=posts</argument>}. */
    @Parameter
    List<String> arguments = List.of();

    @Override
    public void execute() throws MojoFailureException {
        List<String> args = new ArrayList<>(List.of("migrate", "--source", source, "--target", target));
        option(args, "--source-password-env", sourcePasswordEnv);
        option(args, "--target-password-env", targetPasswordEnv);
        option(args, "--settings", settings == null ? null : settings.getPath());
        option(args, "--platform", platform);
        args.addAll(arguments);
        CommandLine cli = MigbenchCli.newCommandLine();
        try (PrintWriter out = LogWriter.info(getLog()); PrintWriter err = LogWriter.error(getLog())) {
            cli.setOut(out);
            cli.setErr(err);
            int exit = MigbenchCli.execute(cli, args.toArray(String[]::new));
            if (exit != 0) {
                throw new MojoFailureException("migbench migrate failed with exit code " + exit + " (see the error above)");
            }
        }
    }

    private static void option(List<String> args, String name, String value) {
        if (value != null) {
            args.add(name);
            args.add(value);
        }
    }
}
