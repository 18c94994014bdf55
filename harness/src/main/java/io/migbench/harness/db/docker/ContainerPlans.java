package io.migbench.harness.db.docker;

import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.InstanceSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link ContainerPlan} of a PostgreSQL or SQL Server instance. */
public final class ContainerPlans {
    static final String PASSWORD_ENV = "MIGBENCH_DB_PASSWORD";
    private static final String PG_READY = ".*database system is ready to accept connections.*";
    private static final String MSSQL_READY = ".*SQL Server is now ready for client connections.*";
    /** initdb into a writable folder, password logins from any host, then the server with our port and settings (passed as "$@", unquoted-safe). */
    private static final String BARE_POSTGRES_SCRIPT = "set -e; D=/tmp/pgdata; printf '%s' \"$" + PASSWORD_ENV
            + "\" > /tmp/pwfile; initdb -D \"$D\" -U postgres -A scram-sha-256 --pwfile=/tmp/pwfile -E UTF8 >/dev/null;"
            + " rm -f /tmp/pwfile; echo 'host all all all scram-sha-256' >> \"$D/pg_hba.conf\"; exec postgres -D \"$D\" \"$@\"";

    private ContainerPlans() {}

    /**
     * @param hostPort free host port, used as the server's port when the network is {@code host}
     * @param password generated password, handed to the container through its environment only
     */
    public static ContainerPlan plan(InstanceSpec spec, DockerImages.Settings docker, int hostPort, String password,
                                     String blockDevicePath) {
        return spec.engine() == DatabaseEngine.POSTGRESQL
                ? postgres(spec, docker, hostPort, password, blockDevicePath)
                : sqlServer(spec, docker, hostPort, password, blockDevicePath);
    }

    private static ContainerPlan postgres(InstanceSpec spec, DockerImages.Settings docker, int hostPort,
                                          String password, String device) {
        int port = docker.hostNetwork() ? hostPort : 5432;
        List<String> serverArgs = new ArrayList<>(List.of("-p", Integer.toString(port), "-c", "listen_addresses=*"));
        spec.serverSettings().forEach((k, v) -> serverArgs.addAll(List.of("-c", k + "=" + v)));
        Map<String, String> env = new LinkedHashMap<>();
        List<String> command = new ArrayList<>();
        int readyTimes;
        if (docker.postgresKind() == DockerImages.PostgresKind.OFFICIAL) {
            env.put("POSTGRES_USER", "postgres");
            env.put("POSTGRES_PASSWORD", password);
            command.add("postgres");
            command.addAll(serverArgs);
            readyTimes = 2; // the entrypoint starts a temporary server for initialisation first
        } else {
            env.put(PASSWORD_ENV, password);
            command.addAll(List.of("sh", "-c", BARE_POSTGRES_SCRIPT, "sh"));
            command.addAll(serverArgs);
            readyTimes = 1;
        }
        return new ContainerPlan(DatabaseEngine.POSTGRESQL, docker.postgresImage(), docker.platform(),
                docker.hostNetwork(), port, command, env, PG_READY, readyTimes, spec.limits(), device, "postgres");
    }

    private static ContainerPlan sqlServer(InstanceSpec spec, DockerImages.Settings docker, int hostPort,
                                           String password, String device) {
        if (!spec.serverSettings().isEmpty()) {
            throw new IllegalArgumentException("serverSettings: not supported for SQL Server containers (instance "
                    + spec.name() + "), got " + spec.serverSettings().keySet());
        }
        int port = docker.hostNetwork() ? hostPort : 1433;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ACCEPT_EULA", "Y");
        env.put("MSSQL_PID", "Developer");
        env.put("MSSQL_SA_PASSWORD", password);
        env.put("MSSQL_TCP_PORT", Integer.toString(port));
        return new ContainerPlan(DatabaseEngine.SQLSERVER, docker.sqlServerImage(), docker.platform(),
                docker.hostNetwork(), port, List.of(), env, MSSQL_READY, 1, spec.limits(), device, "sa");
    }
}
