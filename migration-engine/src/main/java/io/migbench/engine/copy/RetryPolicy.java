package io.migbench.engine.copy;

import io.migbench.engine.OptionException;
import io.migbench.engine.EngineOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * How often a partition is copied again after its connection broke, and how long to wait in between
 * (exponential backoff, capped). Only connection-class failures are retried (SQLState class 08, server
 * shutdown/crash 57P01-57P03): the failed attempt's transaction never committed, so its rows and its done-mark are
 * gone, and the retry streams the whole range again on a fresh connection; a half-sent COPY is never resumed.
 *
 * @param attempts     copies of one partition at most, {@code 1} = no retry
 * @param firstBackoff wait after the first failure; doubled after each further one
 * @param maxBackoff   longest wait
 */
public record RetryPolicy(int attempts, Duration firstBackoff, Duration maxBackoff) {
    public static final int MAX_ATTEMPTS = 20;
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

    public RetryPolicy {
        if (attempts < 1 || attempts > MAX_ATTEMPTS) {
            throw new OptionException(EngineOption.COPY_ATTEMPTS, "must be between 1 and " + MAX_ATTEMPTS
                    + ", got " + attempts);
        }
        if (firstBackoff == null || firstBackoff.isNegative() || maxBackoff == null || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("retry backoff must satisfy 0 <= first <= max, got " + firstBackoff
                    + " and " + maxBackoff);
        }
    }

    /** {@code attempts} copies at most, waiting 1 s, 2 s, 4 s ... (at most 30 s) in between. */
    public static RetryPolicy of(int attempts) {
        return new RetryPolicy(attempts, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** Whether the failure is a lost connection or a server going away (anywhere in the cause chain). */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || SERVER_GONE.contains(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether another attempt follows failed attempt number {@code attempt} (1-based). */
    public boolean retries(int attempt, Throwable failure) {
        return attempt < attempts && isConnectionFailure(failure);
    }

    /** Wait before attempt {@code attempt + 1}. */
    public Duration backoffAfter(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
