package io.migbench.harness.sweep.baseline;

import io.migbench.engine.internal.Redaction;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the external commands of one baseline run: each with a clean libpq environment plus its own variables,
 * stderr to a file in the run's directory, a deadline shared by the whole run. A command that fails, times out or
 * is cancelled ends in a {@link BaselineException} with its redacted stderr tail. Keeps every command line it ran.
 */
final class CommandRunner {
    private static final int TAIL_LINES = 20;
    private static final int TAIL_CHARS = 4000;

    private final String engine;
    private final Path logDir;
    private final List<String> secrets;
    private final Instant deadline;
    private final Duration timeout;
    private final List<String> commandLines = new CopyOnWriteArrayList<>();
    private final List<Path> stderrFiles = new CopyOnWriteArrayList<>();
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile boolean cancelled;

    CommandRunner(String engine, Path logDir, List<String> secrets, Duration timeout) {
        this.engine = engine;
        this.logDir = logDir;
        this.secrets = List.copyOf(secrets);
        this.timeout = timeout;
        this.deadline = Instant.now().plus(timeout);
    }

    /**
     * Runs the command to completion.
     *
     * @param table the table (and slice) it copies, named in a failure, or {@code null}
     * @return the last lines the command wrote to standard output (where freebcp reports its row count), redacted
     */
    String run(ExternalCommand command, String table) throws BaselineException {
        long started = System.nanoTime();
        String display = redact(command.display());
        commandLines.add(display);
        int n = counter.incrementAndGet();
        Path stderr = logDir.resolve("command-" + n + ".stderr");
        Path stdout = logDir.resolve("command-" + n + ".stdout");
        stderrFiles.add(stderr);
        ProcessBuilder pb = new ProcessBuilder(command.argv())
                .directory(logDir.toFile())
                .redirectInput(command.stdin() == null ? ProcessBuilder.Redirect.from(nullDevice()) : ProcessBuilder.Redirect.PIPE)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        cleanEnvironment(pb.environment());
        pb.environment().putAll(command.environment());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw failure(command.label() + " could not start: " + e.getMessage(), table, display, null, started, stderr, e);
        }
        running.add(process);
        try {
            if (command.stdin() != null) {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(command.stdin().getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // a command that exits before reading its input fails below with its own message
                }
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || !process.waitFor(left.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw failure(command.label() + " timed out (the run's timeout is " + timeout + ")", table, display,
                        null, started, stderr, null);
            }
            int exit = process.exitValue();
            if (exit != 0) {
                String what = cancelled ? command.label() + " was stopped because another command failed"
                        : command.label() + " failed";
                // freebcp and pgloader print server messages on stdout: both streams explain a failure
                throw failure(what, table, display, exit, started, List.of(stderr, stdout), null);
            }
            return lastLines(tail(stdout));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw failure(command.label() + " was interrupted", table, display, null, started, stderr, e);
        } finally {
            running.remove(process);
        }
    }

    /** Kills every command still running (and what it started), e.g. after another one failed. */
    void cancelAll() {
        cancelled = true;
        running.forEach(CommandRunner::kill);
    }

    /** The command lines run so far, without passwords. */
    List<String> commandLines() {
        return List.copyOf(commandLines);
    }

    /** The last stderr lines of all commands run so far, redacted. */
    String stderrTail() {
        StringBuilder all = new StringBuilder();
        for (Path p : stderrFiles) {
            all.append(tail(p));
        }
        return lastLines(all.toString());
    }

    String redact(String text) {
        return Redaction.redact(text, secrets);
    }

    Duration remaining() {
        return Duration.between(Instant.now(), deadline);
    }

    private BaselineException failure(String what, String table, String display, Integer exit, long startedNanos,
                                      Path stderr, Throwable cause) {
        return failure(what, table, display, exit, startedNanos, List.of(stderr), cause);
    }

    private BaselineException failure(String what, String table, String display, Integer exit, long startedNanos,
                                      List<Path> outputs, Throwable cause) {
        StringBuilder tails = new StringBuilder();
        outputs.forEach(p -> tails.append(tail(p)).append('\n'));
        return new BaselineException(engine, redact(what), table, display, exit,
                Duration.ofNanos(System.nanoTime() - startedNanos), lastLines(tails.toString()), cause);
    }

    private String tail(Path file) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            byte[] bytes = Files.readAllBytes(file);
            int from = Math.max(0, bytes.length - TAIL_CHARS * 2);
            return redact(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stderr of a " + engine + " command: " + file, e);
        }
    }

    private static String lastLines(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.strip().split("\n")));
        String joined = String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        return joined.length() > TAIL_CHARS ? joined.substring(joined.length() - TAIL_CHARS) : joined;
    }

    /** The process and everything it started (bash's psql children), not only the direct child. */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /**
     * libpq reads connection defaults from PG* variables; the JVM's own must not redirect or authenticate a
     * baseline's commands, so each command sees only what it is given.
     */
    static void cleanEnvironment(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("PG"));
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
