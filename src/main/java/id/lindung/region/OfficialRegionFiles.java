package id.lindung.region;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The official region list read straight from its files (the bundled list, or a folder in the format of
 * {@code regions import --dir}), without a database: for command-line tools that only need codes, such as
 * {@code nik check} and {@code generate workers}. The same codes the first start loads into {@code region}.
 */
public final class OfficialRegionFiles {

    private final RegionListLoader.Source source;

    private OfficialRegionFiles(RegionListLoader.Source source) {
        this.source = source;
    }

    /** The list bundled in the jar; {@code dir} instead when given. */
    public static OfficialRegionFiles bundledOr(Path dir) {
        return new OfficialRegionFiles(dir == null ? RegionListLoader.Source.bundled() : RegionListLoader.Source.folder(dir));
    }

    /** Every district (kecamatan) code, dotted ({@code 64.02.03}). */
    public Set<String> districtCodes() {
        Set<String> codes = new HashSet<>(8192);
        read("districts", rec -> codes.add(rec.getField(0).trim()));
        return Set.copyOf(codes);
    }

    /**
     * The villages and kelurahan under {@code scopeCode} (a region code, or {@code ID} for the country) in code
     * order, as {@link Regions#within} answers for {@link RegionLevel#VILLAGE} on a database holding this list.
     */
    public List<Region> villagesWithin(String scopeCode) {
        String code = scopeCode == null ? "" : scopeCode.trim().toUpperCase(java.util.Locale.ROOT);
        boolean national = "ID".equals(code);
        String lo = national ? "" : code;
        String hi = national ? "~" : code + "/";
        List<Region> villages = new ArrayList<>();
        read("villages", rec -> {
            String c = rec.getField(0).trim();
            if (c.compareTo(lo) >= 0 && c.compareTo(hi) < 0) {
                RegionKind kind = c.length() > 9 && c.charAt(9) == '1' ? RegionKind.KELURAHAN : RegionKind.DESA;
                villages.add(new Region(c, rec.getField(1).trim(), RegionLevel.VILLAGE, kind, rec.getField(2).trim(), true));
            }
        });
        villages.sort(java.util.Comparator.comparing(Region::code));
        return villages;
    }

    private void read(String file, java.util.function.Consumer<CsvRecord> each) {
        try (InputStream in = source.open(file);
             CsvReader<CsvRecord> records = CsvReader.builder().skipEmptyLines(true)
                     .ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (CsvRecord rec : records) {
                if (header) {
                    header = false;
                    continue;
                }
                each.accept(rec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the region list (" + file + ") failed: " + e.getMessage(), e);
        }
    }
}
