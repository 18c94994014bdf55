package io.migbench.engine.copy.binary;

import java.nio.charset.StandardCharsets;

/**
 * What to do with U+0000 in a string: PostgreSQL text cannot hold it. By default it is an error naming the
 * row; the user may instead ask for a replacement (e.g. the empty string or U+FFFD), applied identically by
 * the encoder and by the checksum so both sides still agree.
 */
public final class NulPolicy {
    private static final NulPolicy REJECT = new NulPolicy(null);

    private final String replacement;
    private final byte[] replacementUtf8;

    private NulPolicy(String replacement) {
        this.replacement = replacement;
        this.replacementUtf8 = replacement == null ? null : replacement.getBytes(StandardCharsets.UTF_8);
    }

    public static NulPolicy reject() {
        return REJECT;
    }

    public static NulPolicy replaceWith(String replacement) {
        if (replacement == null) {
            throw new IllegalArgumentException("nul replacement must not be null; use NulPolicy.reject()");
        }
        if (replacement.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("nul replacement must not itself contain U+0000");
        }
        return new NulPolicy(replacement);
    }

    public boolean rejects() {
        return replacement == null;
    }

    /** The replacement text, or {@code null} when NUL is rejected. */
    public String replacement() {
        return replacement;
    }

    byte[] replacementUtf8() {
        return replacementUtf8;
    }

    /** The string as it will be stored: NULs replaced, or an error if they are rejected. */
    public String apply(String s, int fieldIndex) {
        if (s.indexOf('\0') < 0) {
            return s;
        }
        if (replacement == null) {
            throw new UnencodableTextException(fieldIndex, "contains a NUL character (U+0000), which PostgreSQL text "
                    + "cannot store; set a NUL replacement to load it anyway");
        }
        return s.replace("\0", replacement);
    }

    @Override
    public String toString() {
        return replacement == null ? "reject" : "replace with \"" + replacement + "\"";
    }
}
