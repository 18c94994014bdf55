package io.migbench.harness.cli;

import picocli.CommandLine.Option;

/**
 * {@code --debug}, shared by every command ({@code @Mixin DebugOption debug;}). Nothing reads the field:
 * {@link ErrorReporter} looks for the matched option, so the flag works even when a command fails early.
 */
public final class DebugOption {
    @Option(names = "--debug", description = "Print stack traces of failures.")
    boolean debug;
}
