package io.migbench.harness.dataset;

import java.util.SplittableRandom;

/**
 * A block of StackOverflow-like text built once per seed in Java; the generators take substrings of it
 * inside the database, which is far cheaper than building every body word by word in SQL.
 */
final class Corpus {
    /** Longest substring the generators take plus the largest start offset. */
    static final int LENGTH = 72_000;

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

    static String build(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder(LENGTH + 64);
        boolean sentenceStart = true;
        while (b.length() < LENGTH) {
            if (random.nextInt(40) == 0) {
                b.append(SNIPPETS[random.nextInt(SNIPPETS.length)]).append(' ');
                continue;
            }
            String w = WORDS[random.nextInt(WORDS.length)];
            b.append(sentenceStart ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
            sentenceStart = random.nextInt(12) == 0;
            b.append(sentenceStart ? ". " : " ");
        }
        b.setLength(LENGTH);
        return b.toString();
    }
}
