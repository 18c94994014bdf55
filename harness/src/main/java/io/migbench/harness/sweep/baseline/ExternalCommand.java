package io.migbench.harness.sweep.baseline;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A child process to run: its argv, extra environment and standard input (where passwords and SQL travel) and the
 * command line shown to users and recorded, which never holds a password.
 *
 * @param label what the command does, for messages ("pg_dump", "copy of public.users ctid blocks [0, 128)")
 * @param stdin what the command reads on standard input (freebcp's {@code -P -} password), or {@code null}: nothing
 */
record ExternalCommand(String label, List<String> argv, Map<String, String> environment, String stdin, String display) {
    ExternalCommand {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
    }

    /** A plain command whose display is its argv, shell-quoted. */
    static ExternalCommand of(String label, List<String> argv, Map<String, String> environment) {
        return new ExternalCommand(label, argv, environment, null, shellWords(argv));
    }

    /** The same command reading {@code input} on standard input. */
    ExternalCommand withStdin(String input) {
        return new ExternalCommand(label, argv, environment, input, display);
    }

    /** Label and display only: the environment carries passwords. */
    @Override
    public String toString() {
        return label + ": " + display;
    }

    static String shellWords(List<String> words) {
        return words.stream().map(ExternalCommand::shellQuote).collect(Collectors.joining(" "));
    }

    /** The word as POSIX sh reads it back: bare when harmless, else single-quoted. */
    static String shellQuote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,@%+".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
