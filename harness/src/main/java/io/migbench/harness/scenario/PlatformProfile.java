package io.migbench.harness.scenario;

import io.migbench.harness.config.Checks;

/** A named platform to measure on: the limits and settings of the source and of the target. */
public record PlatformProfile(String name, String description, InstanceProfile source, InstanceProfile target) {
    /** Profile names end up in paths and CSV cells. */
    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]*";

    public PlatformProfile {
        description = description == null ? "" : description;
        source = source == null ? InstanceProfile.UNLIMITED : source;
        target = target == null ? InstanceProfile.UNLIMITED : target;
        new Checks()
                .require(name, "name")
                .check(name == null || name.matches(NAME_PATTERN), "name",
                        "\"" + name + "\" must be letters, digits, '.', '_' or '-'")
                .throwIfAny();
    }

    /** The same platform whose target starts with {@code settings} over the profile's own. */
    public PlatformProfile withTargetSettings(java.util.Map<String, String> settings) {
        return new PlatformProfile(name, description, source, target.withSettings(settings));
    }

    public static PlatformProfile unconstrained(String name) {
        return new PlatformProfile(name, "no limits", InstanceProfile.UNLIMITED, InstanceProfile.UNLIMITED);
    }
}
