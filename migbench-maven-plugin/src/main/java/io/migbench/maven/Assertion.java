package io.migbench.maven;

import io.migbench.harness.service.ThroughputAssertion;

/**
 * One {@code <assertion>} of the sweep goal: {@code <platform>} and {@code <minRowsPerSecond>}, the best median
 * throughput that platform must reach for the build to pass. Maven fills the fields from the pom.
 */
public class Assertion {
    private String platform;
    private double minRowsPerSecond;

    ThroughputAssertion toThroughputAssertion() {
        return new ThroughputAssertion(platform, minRowsPerSecond);
    }
}
