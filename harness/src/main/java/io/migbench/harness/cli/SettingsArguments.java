package io.migbench.harness.cli;

import io.migbench.engine.ConfigurationException;
import io.migbench.harness.tune.PlatformRecommendation;
import io.migbench.harness.tune.TunedSettingsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code migbench migrate --settings tuned.yaml [--platform P]}: turns a platform's recommendation into the engine's
 * own options ({@code --tasks}, {@code --partitions}, {@code --copy-format}), so the engine needs no knowledge of the
 * file. Options given explicitly on the command line win over the file. The file's target server settings cannot be
 * applied by migrate (it does not start the target); {@link #unappliedTargetSettings} says so.
 */
public final class SettingsArguments {
    private SettingsArguments() {}

    /** The arguments with {@code --settings}/{@code --platform} of a {@code migrate} command expanded; others unchanged. */
    public static String[] expand(String... args) {
        if (args.length == 0 || !args[0].equals("migrate")) {
            return args;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String file = take(rest, "--settings");
        String platform = take(rest, "--platform");
        if (file == null) {
            if (platform != null) {
                throw new ConfigurationException("--platform", "--platform: only meaningful with --settings <tuned.yaml>");
            }
            return args;
        }
        PlatformRecommendation r = choose(TunedSettingsFile.read(Path.of(file)), platform, file);
        add(rest, "--tasks", Integer.toString(r.settings().tasks()));
        if (r.settings().partitions() != null) {
            add(rest, "--partitions", Integer.toString(r.settings().partitions()));
        }
        if (r.copyFormat() != null) {
            add(rest, "--copy-format", r.copyFormat().toLowerCase(Locale.ROOT));
        }
        return rest.toArray(String[]::new);
    }

    /**
     * What of a {@code migrate --settings} file the expansion cannot apply: its target server settings, because
     * migrate connects to a running target instead of starting one. Empty when there is nothing to say.
     */
    public static Optional<String> unappliedTargetSettings(String... args) {
        if (args.length == 0 || !args[0].equals("migrate")) {
            return Optional.empty();
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String file = take(rest, "--settings");
        if (file == null) {
            return Optional.empty();
        }
        PlatformRecommendation r = choose(TunedSettingsFile.read(Path.of(file)), take(rest, "--platform"), file);
        if (r.targetSettings().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("target_settings of " + file + " (platform " + r.platform() + ") not applied: migrate does "
                + "not start the target server; set them on it yourself: " + r.targetSettings().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
    }

    private static PlatformRecommendation choose(List<PlatformRecommendation> all, String platform, String file) {
        List<String> names = all.stream().map(PlatformRecommendation::platform).toList();
        if (platform == null) {
            if (all.size() == 1) {
                return all.get(0);
            }
            throw new ConfigurationException("--platform", "--platform: " + file + " has recommendations for " + names + "; name one");
        }
        return all.stream().filter(r -> r.platform().equals(platform)).findFirst()
                .orElseThrow(() -> new ConfigurationException("--platform", "--platform: " + file + " has no platform \"" + platform
                        + "\"; it has " + names));
    }

    /** Removes {@code --name value} or {@code --name=value} and returns the value (null when absent). */
    private static String take(List<String> args, String name) {
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith(name + "=")) {
                args.remove(i);
                return a.substring(name.length() + 1);
            }
            if (a.equals(name)) {
                if (i + 1 >= args.size()) {
                    throw new ConfigurationException(name, name + ": missing value");
                }
                args.remove(i);
                return args.remove(i);
            }
        }
        return null;
    }

    private static void add(List<String> args, String name, String value) {
        boolean given = args.stream().anyMatch(a -> a.equals(name) || a.startsWith(name + "="));
        if (!given) {
            args.add(name + "=" + value);
        }
    }
}
