package io.migbench.maven;

import java.io.File;
import java.nio.file.Path;

/** Optional file parameters: Maven gives null for an absent one, the harness takes a null path. */
final class Paths {
    private Paths() {}

    static Path of(File f) {
        return f == null ? null : f.toPath();
    }
}
