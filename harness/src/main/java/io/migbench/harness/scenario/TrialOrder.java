package io.migbench.harness.scenario;

import io.migbench.harness.config.YamlEnum;

/**
 * In which order a sweep runs a platform's measured trials. Interleaved (the default) runs them in rounds over
 * all matrix points, each round in a random order drawn from {@code seed}, so drift of a noisy machine lands on
 * every point alike instead of on whichever point ran last; blocked runs each point's trials back to back.
 *
 * @param mode interleaved or blocked
 * @param seed seeds the order of every round; the same seed and matrix give the same order
 */
public record TrialOrder(Mode mode, long seed) {
    public static final long DEFAULT_SEED = 1;
    public static final TrialOrder DEFAULT = new TrialOrder(Mode.INTERLEAVED, DEFAULT_SEED);

    public TrialOrder {
        mode = mode == null ? Mode.INTERLEAVED : mode;
    }

    public TrialOrder withMode(Mode m) {
        return new TrialOrder(m, seed);
    }

    public enum Mode implements YamlEnum {
        INTERLEAVED("interleaved"), BLOCKED("blocked");

        private final String yamlName;

        Mode(String yamlName) {
            this.yamlName = yamlName;
        }

        @Override
        public String yamlName() {
            return yamlName;
        }
    }
}
