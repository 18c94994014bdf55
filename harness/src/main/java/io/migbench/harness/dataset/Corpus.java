package io.migbench.harness.dataset;

import java.util.SplittableRandom;

/**
 * StackOverflow-like text built once per seed in Java, as {@link #FRAGMENTS} fragments of
 * {@link #FRAGMENT_LENGTH} characters; the generators cut substrings of a fragment inside the database,
 * which is far cheaper than building every body word by word in SQL.
 */
final class Corpus {
    static final int FRAGMENTS = 256;
    /** Longest cut (offset + length) the generators take. */
    static final int FRAGMENT_LENGTH = 5_000;

    private static final String[] WORDS = (
            "the a to is in of and it for you this that with on not be can if or have are an but use "
            + "function class method object string array list map value return null error exception file "
            + "query table index column row database server client request response thread loop variable "
            + "java python javascript c# php android jquery html css sql mysql postgresql json xml regex "
            + "python3 django spring node.js react angular linux windows git docker api http url int double "
            + "public static void private new import from select where join group order by insert update "
            + "however I tried following code but get this when run it works expected output instead "
            + "answer question example documentation performance memory pointer reference compile build "
            + "café naïve résumé über façade Größe déjà-vu").split(" ");
    private static final String[] SNIPPETS = {
            "<code>for (int i = 0; i < n; i++)</code>", "<code>SELECT * FROM t WHERE id = ?</code>",
            "<pre><code>if (x == null) {\n    return;\n}\n</code></pre>", "<a href=\"http://example.com/q\">link</a>",
            "<strong>Edit:</strong>", "<code>$('#id').click(function() {});</code>", "<br>", "\n\n"};

    private Corpus() {}

    static String[] build(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] fragments = new String[FRAGMENTS];
        for (int i = 0; i < FRAGMENTS; i++) {
            StringBuilder b = new StringBuilder(FRAGMENT_LENGTH + 64);
            boolean sentenceStart = true;
            while (b.length() < FRAGMENT_LENGTH) {
                if (random.nextInt(40) == 0) {
                    b.append(SNIPPETS[random.nextInt(SNIPPETS.length)]).append(' ');
                    continue;
                }
                String w = WORDS[random.nextInt(WORDS.length)];
                b.append(sentenceStart ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
                sentenceStart = random.nextInt(12) == 0;
                b.append(sentenceStart ? ". " : " ");
            }
            b.setLength(FRAGMENT_LENGTH);
            fragments[i] = b.toString();
        }
        return fragments;
    }
}
