package io.migbench.spark;

import java.io.Writer;

/**
 * Passes the engine's error output through to the task's stderr and keeps its last non-blank line: the one-line
 * reason a failed task reports to the driver (and the Spark UI).
 */
final class LastLineWriter extends Writer {
    private final Writer out;
    private final StringBuilder current = new StringBuilder();
    private String lastLine = "";

    LastLineWriter(Writer out) {
        this.out = out;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) throws java.io.IOException {
        out.write(buffer, offset, length);
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n' || c == '\r') {
                keep();
            } else {
                current.append(c);
            }
        }
    }

    private void keep() {
        if (!current.toString().isBlank()) {
            lastLine = current.toString();
        }
        current.setLength(0);
    }

    synchronized String lastLine() {
        keep();
        return lastLine;
    }

    @Override
    public void flush() throws java.io.IOException {
        out.flush();
    }

    @Override
    public void close() throws java.io.IOException {
        flush();
    }
}
