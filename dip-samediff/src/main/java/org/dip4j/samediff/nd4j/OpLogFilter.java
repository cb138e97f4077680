package org.dip4j.samediff.nd4j;

import java.io.PrintStream;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Standard output without the line SameDiff M2.1 prints for every op it differentiates
 * ({@code System.out.println("Added differentiated op " + name)} in {@code SameDiff}'s gradient
 * construction, with no switch to turn it off). Every other call goes to the stream it wraps
 * unchanged; installed once, never removed, so concurrent runs cannot leave output silenced.
 */
final class OpLogFilter extends PrintStream {
    static final String PREFIX = "Added differentiated op ";

    private final PrintStream target;

    OpLogFilter(PrintStream target) {
        super(target, true);
        this.target = target;
    }

    @Override
    public void println(@Nullable String x) {
        if (x != null && x.startsWith(PREFIX)) {
            return;
        }
        target.println(x);
    }

    // Everything else is delegated as is, so that characters are encoded by the wrapped stream.

    @Override
    public void flush() {
        target.flush();
    }

    @Override
    public void close() {
        target.close();
    }

    @Override
    public boolean checkError() {
        return target.checkError();
    }

    @Override
    public void write(int b) {
        target.write(b);
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        target.write(buf, off, len);
    }

    @Override
    public void print(boolean b) {
        target.print(b);
    }

    @Override
    public void print(char c) {
        target.print(c);
    }

    @Override
    public void print(int i) {
        target.print(i);
    }

    @Override
    public void print(long l) {
        target.print(l);
    }

    @Override
    public void print(float f) {
        target.print(f);
    }

    @Override
    public void print(double d) {
        target.print(d);
    }

    @Override
    public void print(char[] s) {
        target.print(s);
    }

    @Override
    public void print(@Nullable String s) {
        target.print(s);
    }

    @Override
    public void print(@Nullable Object obj) {
        target.print(obj);
    }

    @Override
    public void println() {
        target.println();
    }

    @Override
    public void println(boolean x) {
        target.println(x);
    }

    @Override
    public void println(char x) {
        target.println(x);
    }

    @Override
    public void println(int x) {
        target.println(x);
    }

    @Override
    public void println(long x) {
        target.println(x);
    }

    @Override
    public void println(float x) {
        target.println(x);
    }

    @Override
    public void println(double x) {
        target.println(x);
    }

    @Override
    public void println(char[] x) {
        target.println(x);
    }

    @Override
    public void println(@Nullable Object x) {
        target.println(x);
    }

    @Override
    public PrintStream printf(String format, @Nullable Object... args) {
        target.printf(format, args);
        return this;
    }

    @Override
    public PrintStream printf(@Nullable Locale l, String format, @Nullable Object... args) {
        target.printf(l, format, args);
        return this;
    }

    @Override
    public PrintStream format(String format, @Nullable Object... args) {
        target.format(format, args);
        return this;
    }

    @Override
    public PrintStream format(@Nullable Locale l, String format, @Nullable Object... args) {
        target.format(l, format, args);
        return this;
    }

    @Override
    public PrintStream append(@Nullable CharSequence csq) {
        target.append(csq);
        return this;
    }

    @Override
    public PrintStream append(@Nullable CharSequence csq, int start, int end) {
        target.append(csq, start, end);
        return this;
    }

    @Override
    public PrintStream append(char c) {
        target.append(c);
        return this;
    }
}
