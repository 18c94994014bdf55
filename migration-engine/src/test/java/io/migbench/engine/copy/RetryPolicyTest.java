package io.migbench.engine.copy;

import io.migbench.engine.MigrationException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {
    private static MigrationException failure(String sqlState) {
        return new MigrationException("copy failed", "public.t", "key [1, 2)", 0, Duration.ZERO,
                new SQLException("boom", sqlState));
    }

    @Test
    void retriesOnlyLostConnectionsAndServerShutdowns() {
        RetryPolicy policy = RetryPolicy.of(3);
        assertThat(policy.retries(1, failure("08006"))).as("I/O error on the connection").isTrue();
        assertThat(policy.retries(1, failure("08001"))).as("cannot connect").isTrue();
        assertThat(policy.retries(1, failure("57P01"))).as("admin shutdown").isTrue();
        assertThat(policy.retries(1, failure("57P02"))).as("crash shutdown").isTrue();
        assertThat(policy.retries(1, failure("23505"))).as("unique violation is a data problem").isFalse();
        assertThat(policy.retries(1, failure("22023"))).as("invalid snapshot: the source restarted").isFalse();
        assertThat(policy.retries(1, failure("57014"))).as("query cancelled (another partition failed)").isFalse();
        assertThat(policy.retries(1, new MigrationException("x", null, null, 0, null, null))).isFalse();
    }

    @Test
    void stopsAfterTheLastAttemptAndBacksOffExponentiallyUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(policy.retries(3, failure("08006"))).isTrue();
        assertThat(policy.retries(4, failure("08006"))).as("4 attempts at most").isFalse();
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffAfter(2)).as("capped").isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryPolicy.of(1).retries(1, failure("08006"))).as("1 = no retry").isFalse();
        assertThat(RetryPolicy.of(5).backoffAfter(3)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThatThrownBy(() -> RetryPolicy.of(0)).hasMessageContaining("--copy-attempts");
        assertThatThrownBy(() -> RetryPolicy.of(21)).hasMessageContaining("--copy-attempts");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("backoff");
    }
}
