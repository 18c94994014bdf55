package io.migbench.spark;

import org.apache.spark.launcher.JavaModuleOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on this machine: a Master and Workers, each its own JVM started from this test's
 * classpath (the same Maven artifacts the job is built against), as {@code start-master.sh}/{@code start-worker.sh}
 * would start them. SPARK_HOME is a directory with an empty {@code jars/}: executors get their classes from
 * {@code spark.executor.extraClassPath}, which {@link #executorClassPath()} gives.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    private final Path home;
    private final Map<String, String> environment;
    private final int masterPort = freePort();
    private final int masterUiPort = freePort();
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();

    /** Starts the Master and {@code workerCount} Workers of {@code coresPerWorker} cores; waits until all registered. */
    StandaloneCluster(Path directory, int workerCount, int coresPerWorker, Map<String, String> workerEnvironment)
            throws IOException, InterruptedException {
        this.home = directory;
        Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("conf"));
        this.environment = workerEnvironment;
        start("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", "" + masterPort, "--webui-port", "" + masterUiPort));
        for (int i = 0; i < workerCount; i++) {
            Path work = Files.createDirectories(home.resolve("work-" + i));
            workers.add(start("worker-" + i, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "" + coresPerWorker, "--memory", "1g", "--webui-port", "" + freePort(),
                    "--work-dir", work.toString(), masterUrl())));
        }
        awaitAliveWorkers(workerCount, Duration.ofSeconds(90));
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** Directories and jars of this JVM's class path, for spark.executor.extraClassPath. */
    static String executorClassPath() {
        return System.getProperty("java.class.path");
    }

    Process worker(int index) {
        return workers.get(index);
    }

    /** The executor JVMs a Worker launched (its child processes). */
    List<ProcessHandle> executorsOf(int workerIndex) {
        return workers.get(workerIndex).toHandle().children()
                .filter(p -> arguments(p).contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")).toList();
    }

    /** The executor id in an executor JVM's command line ({@code --executor-id N}). */
    static Optional<String> executorId(ProcessHandle executor) {
        List<String> args = arguments(executor);
        int at = args.indexOf("--executor-id");
        return at >= 0 && at + 1 < args.size() ? Optional.of(args.get(at + 1)) : Optional.empty();
    }

    /**
     * A process's command line: from /proc on Linux, where ProcessHandle.Info may be empty (it needs the process's
     * executable path, which a sandbox may hide); else from Info.
     */
    private static List<String> arguments(ProcessHandle process) {
        Path cmdline = Path.of("/proc", "" + process.pid(), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return Arrays.asList(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0"));
            }
        } catch (IOException ended) {
            return List.of();
        }
        return Arrays.asList(process.info().arguments().orElse(new String[0]));
    }

    Path log(String name) {
        return home.resolve(name + ".log");
    }

    private Process start(String name, List<String> mainAndArguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(mainAndArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log(name).toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_CONF_DIR", home.resolve("conf").toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void awaitAliveWorkers(int count, Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/")).build();
        Instant deadline = Instant.now().plus(limit);
        int alive = -1;
        while (Instant.now().isBefore(deadline)) {
            try {
                Matcher m = ALIVE_WORKERS.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
                alive = m.find() ? Integer.parseInt(m.group(1)) : -1;
                if (alive >= count) {
                    return;
                }
            } catch (IOException notUpYet) {
                // the Master's UI is still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(alive + " of " + count + " Spark workers registered within " + limit
                + "; see the logs in " + home);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
