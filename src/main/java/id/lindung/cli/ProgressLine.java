package id.lindung.cli;

import java.time.Duration;

/**
 * The text of one progress report of a long command: pure, so its wording is tested without a terminal or a clock.
 * {@link #bar} is the one line redrawn in place on a terminal, {@link #plain} the line appended to a log.
 */
final class ProgressLine {

    static final int BAR_WIDTH = 24;

    private ProgressLine() {
    }

    /** Where a run is: {@code done} of {@code total} rows ({@code total} 0 when unknown), {@code sinceStart} rows in {@code elapsed}. */
    record State(String phase, long done, long total, long sinceStart, Duration elapsed) {

        /** Rows per second since the start, 0 before a rate can be measured. */
        long rate() {
            long millis = elapsed.toMillis();
            return millis <= 0 ? 0 : sinceStart * 1000 / millis;
        }

        /** The time left at the rate so far, or null when it cannot be told yet (no rate, or no total). */
        Duration left() {
            long rate = rate();
            if (total <= 0 || rate <= 0) {
                return null;
            }
            return Duration.ofSeconds((Math.max(0, total - done) + rate - 1) / rate);
        }

        int percent() {
            return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }
    }

    /** A step that cannot count ({@code bills ...}), or {@code importing [##########--------------]  42%  42,000/100,000 rows  5,000 rows/s  0:12 left} */
    static String bar(State s) {
        if (s.total() <= 0 && s.done() == 0) {
            return s.phase() + " ...";
        }
        StringBuilder b = new StringBuilder(s.phase()).append(' ');
        if (s.total() > 0) {
            int filled = (int) Math.min(BAR_WIDTH, s.done() * BAR_WIDTH / s.total());
            b.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(String.format("%3d%%", s.percent())).append("  ")
                    .append(count(s.done())).append('/').append(count(s.total())).append(" rows");
        } else {
            b.append(count(s.done())).append(" rows");
        }
        b.append("  ").append(count(s.rate())).append(" rows/s");
        Duration left = s.left();
        if (left != null) {
            b.append("  ").append(clock(left)).append(" left");
        }
        return b.toString();
    }

    /** {@code importing: 42000 of 100000 rows (42%), 5000 rows/s, 0:12 left} */
    static String plain(State s) {
        if (s.total() <= 0 && s.done() == 0) {
            return s.phase() + " ...";
        }
        StringBuilder b = new StringBuilder(s.phase()).append(": ").append(s.done());
        if (s.total() > 0) {
            b.append(" of ").append(s.total()).append(" rows (").append(s.percent()).append("%)");
        } else {
            b.append(" rows");
        }
        b.append(", ").append(s.rate()).append(" rows/s");
        Duration left = s.left();
        if (left != null) {
            b.append(", ").append(clock(left)).append(" left");
        }
        return b.toString();
    }

    /** 1234567 as 1,234,567 (the same on every locale: the line is for a log as much as for a person). */
    static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** 0:07, 12:30, 1:02:03. */
    static String clock(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
