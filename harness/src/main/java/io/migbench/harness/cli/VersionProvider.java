package io.migbench.harness.cli;

import io.migbench.harness.model.BuildInfo;
import picocli.CommandLine;

/** {@code migbench --version}: the project version and commit from the build, and the JVM it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"migbench " + BuildInfo.current().describe(), "java " + BuildInfo.javaVersion()};
    }
}
