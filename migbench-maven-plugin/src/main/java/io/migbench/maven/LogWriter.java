package io.migbench.maven;

import org.apache.maven.plugin.logging.Log;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.Consumer;

/** The harness prints lines to a PrintWriter; in a build they belong in Maven's log, one entry per line. */
final class LogWriter extends Writer {
    private final Consumer<CharSequence> sink;
    private final StringBuilder line = new StringBuilder();

    private LogWriter(Consumer<CharSequence> sink) {
        this.sink = sink;
    }

    static PrintWriter info(Log log) {
        return new PrintWriter(new LogWriter(log::info), true);
    }

    static PrintWriter error(Log log) {
        return new PrintWriter(new LogWriter(log::error), true);
    }

    @Override
    public synchronized void write(char[] chars, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = chars[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    private void emit() {
        sink.accept(line.toString());
        line.setLength(0);
    }

    @Override
    public synchronized void flush() {
        // a partial line waits for its end: Maven's log has no way to continue an entry
    }

    @Override
    public synchronized void close() {
        if (line.length() > 0) {
            emit();
        }
    }
}
