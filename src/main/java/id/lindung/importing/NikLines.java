package id.lindung.importing;

/**
 * The first line of each NIK seen in a file, for DUPLICATE_IN_FILE: an open-addressing table of primitive longs.
 * A HashMap of boxed Longs for a million NIKs cost a tenth of the CPU time of validating the file. Lines are ints and
 * the table fills to three quarters: 16–32 bytes a NIK, so a 1,000,000-row file needs at most 32 MB (48 MB for an
 * instant while the table doubles), where longs at half full took twice that.
 */
final class NikLines {

    private long[] niks = new long[1 << 16];
    private int[] lines = new int[1 << 16];
    private int size;

    /** Records {@code line} for {@code nik} (16 digits, so never 0) and returns 0, or the line it was first seen on. */
    long putIfAbsent(long nik, long line) {
        if (line < 1 || line > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("line " + line + " out of range");
        }
        if ((size + 1) * 4L > niks.length * 3L) {
            grow();
        }
        int mask = niks.length - 1;
        for (int i = slot(nik, mask); ; i = (i + 1) & mask) {
            if (niks[i] == 0) {
                niks[i] = nik;
                lines[i] = (int) line;
                size++;
                return 0;
            }
            if (niks[i] == nik) {
                return lines[i];
            }
        }
    }

    private static int slot(long nik, int mask) {
        long h = nik * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads the NIKs' regional prefixes
        return (int) (h >>> 40) & mask;
    }

    private void grow() {
        long[] oldNiks = niks;
        int[] oldLines = lines;
        niks = new long[oldNiks.length * 2];
        lines = new int[oldNiks.length * 2];
        int mask = niks.length - 1;
        for (int j = 0; j < oldNiks.length; j++) {
            if (oldNiks[j] != 0) {
                int i = slot(oldNiks[j], mask);
                while (niks[i] != 0) {
                    i = (i + 1) & mask;
                }
                niks[i] = oldNiks[j];
                lines[i] = oldLines[j];
            }
        }
    }
}
