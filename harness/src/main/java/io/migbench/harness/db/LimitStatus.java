package io.migbench.harness.db;

/** What the kernel (or Docker) confirmed for one requested limit. */
public enum LimitStatus {
    ENFORCED("enforced"),
    /** Set, but with a known gap (e.g. buffered writes escape cgroup v1 blkio, a quota approximated by cores). */
    PARTIAL("partial"),
    NOT_ENFORCED("not enforced"),
    NOT_REQUESTED("not requested");

    private final String word;

    LimitStatus(String word) {
        this.word = word;
    }

    /** The word used in CSVs and reports. */
    public String word() {
        return word;
    }
}
