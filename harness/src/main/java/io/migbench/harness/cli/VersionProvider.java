package io.migbench.harness.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = MigbenchCli.class.getPackage().getImplementationVersion();
        return new String[] {"migbench " + (v == null ? "development build" : v)};
    }
}
