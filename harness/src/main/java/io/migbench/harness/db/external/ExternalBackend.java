package io.migbench.harness.db.external;

import io.migbench.engine.ConfigurationException;
import io.migbench.harness.db.DatabaseBackend;
import io.migbench.harness.db.DatabaseInstance;
import io.migbench.harness.db.InstanceSpec;

import java.util.Map;
import java.util.function.Function;

/** Existing servers, one per instance name ("source", "target"); nothing is started or limited. */
public final class ExternalBackend implements DatabaseBackend {
    private final Map<String, ExternalServer> servers;
    private final Function<String, String> environment;

    public ExternalBackend(Map<String, ExternalServer> servers) {
        this(servers, System::getenv);
    }

    /** @param environment looks up environment variables (tests pass a map) */
    public ExternalBackend(Map<String, ExternalServer> servers, Function<String, String> environment) {
        this.servers = Map.copyOf(servers);
        this.environment = environment;
    }

    @Override
    public String name() {
        return "external";
    }

    @Override
    public DatabaseInstance start(InstanceSpec spec) {
        ExternalServer server = servers.get(spec.name());
        if (server == null) {
            throw new ConfigurationException("external." + spec.name(), "external." + spec.name() + ": no server configured for instance "
                    + spec.name() + " (configured: " + servers.keySet() + ")");
        }
        if (server.engine() != spec.engine()) {
            throw new ConfigurationException("engine", "engine: instance " + spec.name() + " is " + spec.engine()
                    + " but its URL points to " + server.engine());
        }
        String password = environment.apply(server.passwordEnv());
        if (password == null) {
            throw new ConfigurationException("external." + spec.name() + ".passwordEnv", "external." + spec.name() + ".passwordEnv: environment variable "
                    + server.passwordEnv() + " is not set");
        }
        if (!spec.serverSettings().isEmpty() && !server.reloadSettings()) {
            throw new ConfigurationException("settings", "settings: " + spec.name() + " is an external server; migbench "
                    + "cannot apply " + spec.serverSettings().keySet() + " to it unless apply_settings is reload");
        }
        ExternalInstance instance = new ExternalInstance(spec, server, password);
        instance.verify();
        if (!spec.serverSettings().isEmpty()) {
            instance.reloadSettings();
        }
        return instance;
    }
}
