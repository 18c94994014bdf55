package io.migbench.engine.copy.binary;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Text given as SQL Server's UTF-16LE bytes encodes exactly as the same text given as a String, whose encoding
 * {@link PgBinaryWriterRoundTripTest} checks against PostgreSQL.
 */
class PgBinaryWriterUtf16Test {
    private static final List<String> TEXTS = List.of("", "plain ascii", "naïve café", "日本語 ✓", "𝄞 clef 😀",
            "tab\tnew\nline \"quote\" 'x' \\", "ab".repeat(5000) + "é", "\uFFFF\u0800\u07FF\u0080\u007F");

    @Test
    void utf16leBytesEncodeAsTheSameStringDoes() throws Exception {
        for (String text : TEXTS) {
            assertThat(encode(NulPolicy.reject(), (w, s) -> w.writeTextUtf16le(s.getBytes(StandardCharsets.UTF_16LE)), text))
                    .as("UTF-16LE form of %.40s", text)
                    .isEqualTo(encode(NulPolicy.reject(), PgBinaryWriter::writeText, text));
        }
    }

    @Test
    void nulFollowsTheSamePolicy() throws Exception {
        String text = "a\0b\0" + "é".repeat(100);
        assertThat(encode(NulPolicy.replaceWith("\uFFFD"), (w, s) -> w.writeTextUtf16le(utf16(s)), text))
                .isEqualTo(encode(NulPolicy.replaceWith("\uFFFD"), PgBinaryWriter::writeText, text));
        assertThatThrownBy(() -> encode(NulPolicy.reject(), (w, s) -> w.writeTextUtf16le(utf16(s)), "a\0b"))
                .isInstanceOf(UnencodableTextException.class).hasMessageContaining("NUL");
    }

    @Test
    void rejectsUnpairedSurrogatesLikeWriteText() {
        for (String bad : List.of("ab\uD800c", "ab\uD800", "\uDC00b")) {
            assertThatThrownBy(() -> encode(NulPolicy.reject(), (w, s) -> w.writeTextUtf16le(utf16(s)), bad))
                    .as("%s", bad.codePoints().mapToObj(Integer::toHexString).toList())
                    .isInstanceOf(UnencodableTextException.class).hasMessageContaining("unpaired");
        }
    }

    @Test
    void rejectsAnOddByteCount() {
        assertThatThrownBy(() -> encode(NulPolicy.reject(), (w, s) -> w.writeTextUtf16le(new byte[]{'a', 0, 'b'}), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("even");
    }

    private static byte[] utf16(String s) {
        // getBytes would replace a lone surrogate with '?', so the code units are laid out by hand
        byte[] b = new byte[2 * s.length()];
        for (int i = 0; i < s.length(); i++) {
            b[2 * i] = (byte) s.charAt(i);
            b[2 * i + 1] = (byte) (s.charAt(i) >> 8);
        }
        return b;
    }

    private static byte[] encode(NulPolicy nul, BiConsumer<PgBinaryWriter, String> write, String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // a small chunk, so long texts also cross the chunk growth path
        PgBinaryWriter w = new PgBinaryWriter(1, new OutputStreamChunkSink(out), new Chunk(64), nul);
        w.startRow();
        write.accept(w, text);
        w.endRow();
        w.finish();
        return out.toByteArray();
    }
}
