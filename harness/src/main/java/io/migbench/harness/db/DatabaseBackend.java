package io.migbench.harness.db;

/** Starts (or attaches to) database instances. */
public interface DatabaseBackend {

    /** The backend's name as written in scenario files: "embedded", "docker", "external". */
    String name();

    /**
     * Starts an instance as described; bad input is rejected with an {@link IllegalArgumentException} naming the
     * field before anything is started. On failure nothing is left behind.
     */
    DatabaseInstance start(InstanceSpec spec);
}
