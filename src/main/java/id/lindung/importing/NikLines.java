package id.lindung.importing;

/**
 * The first line of each NIK seen in a file, for DUPLICATE_IN_FILE: an open-addressing table of primitive longs.
 * A HashMap of boxed Longs for a million NIKs cost a tenth of the CPU time of validating the file.
 */
final class NikLines {

    private long[] niks = new long[1 << 16];
    private long[] lines = new long[1 << 16];
    private int size;

    /** Records {@code line} for {@code nik} (16 digits, so never 0) and returns 0, or the line it was first seen on. */
    long putIfAbsent(long nik, long line) {
        if ((size + 1) * 2L > niks.length) {
            grow();
        }
        int mask = niks.length - 1;
        for (int i = slot(nik, mask); ; i = (i + 1) & mask) {
            if (niks[i] == 0) {
                niks[i] = nik;
                lines[i] = line;
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
        long[] oldLines = lines;
        niks = new long[oldNiks.length * 2];
        lines = new long[oldNiks.length * 2];
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
