package io.migbench.harness.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The instances this JVM has started and not yet closed, torn down by one shutdown hook on exit or Ctrl-C,
 * so no server, cgroup, container or data directory outlives an interrupted run.
 */
public final class LiveInstances {
    private static final Logger LOG = LoggerFactory.getLogger(LiveInstances.class);
    private static final Set<DatabaseInstance> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private LiveInstances() {}

    public static void register(DatabaseInstance instance) {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(LiveInstances::closeAll, "migbench-db-teardown"));
        }
        LIVE.add(instance);
    }

    public static void unregister(DatabaseInstance instance) {
        LIVE.remove(instance);
    }

    /** How many instances are live now. */
    public static int count() {
        return LIVE.size();
    }

    private static void closeAll() {
        List<DatabaseInstance> open = new ArrayList<>(LIVE);
        for (DatabaseInstance instance : open) {
            try {
                LOG.info("shutting down {}", instance);
                instance.close();
            } catch (RuntimeException e) {
                LOG.warn("teardown of {} failed: {}", instance, e.getMessage());
            }
        }
    }
}
