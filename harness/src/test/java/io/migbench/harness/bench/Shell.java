package io.migbench.harness.bench;

/** Runs bash pipelines for the command-line tools the engine is compared with. */
final class Shell {
    private Shell() {}

    /**
     * Runs {@code command} with {@code pipefail} in its own session and process group (pgcopydb kills its whole
     * process group when it fails); the password reaches the tools only through PGPASSWORD.
     *
     * @return the exit code
     */
    static int run(String command, String password) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("setsid", "--wait", "bash", "-o", "pipefail", "-c", command).inheritIO();
        if (password != null) {
            pb.environment().put("PGPASSWORD", password);
        }
        return pb.start().waitFor();
    }

    static boolean onPath(String tool) throws Exception {
        return new ProcessBuilder("bash", "-c", "command -v " + tool).start().waitFor() == 0;
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
