package id.lindung.registry.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import id.lindung.access.Actor;
import id.lindung.access.RegionScope;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.SpreadsheetSafe;
import id.lindung.registry.Workers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The filtered worker list as CSV (in the request's {@link CsvDialect}) or XLSX. Every text cell is neutralised ({@link SpreadsheetSafe}) so a
 * name like {@code =HYPERLINK(...)} is shown, never run; NIKs, self-payer codes and birth dates are shown as
 * {@link WorkerRow} shows them to the role.
 */
final class WorkerExport {

    static final List<String> HEADER = List.of("nik", "name", "sex", "birth_date", "village_code", "category", "status",
            "programs", "payers", "kpj");

    private WorkerExport() {}

    static List<String> cells(Workers.Listed l, Actor actor) {
        WorkerRow w = WorkerRow.of(l, actor);
        List<String> cells = new ArrayList<>(HEADER.size());
        cells.add(w.nik());
        cells.add(w.fullName());
        cells.add(w.sex());
        cells.add(w.birthDate());
        cells.add(w.villageCode());
        cells.add(w.category().code());
        cells.add(w.status());
        cells.add(w.programs() == null ? "" : w.programs());
        cells.add(w.payers() == null ? "" : w.payers());
        cells.add(w.kpj() == null ? "" : w.kpj());
        return cells.stream().map(SpreadsheetSafe::text).toList();
    }

    /** Writes the list; returns the number of workers written. */
    static long csv(Workers workers, Workers.Query query, RegionScope scope, Actor actor, CsvDialect dialect, OutputStream out) {
        long[] rows = {0};
        try (CsvWriter csv = dialect.writer(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            csv.writeRecord(HEADER);
            workers.forEach(query, scope, l -> {
                csv.writeRecord(cells(l, actor));
                rows[0]++;
            });
            return rows[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the list; returns the number of workers written. */
    static long xlsx(Workers workers, Workers.Query query, RegionScope scope, Actor actor, OutputStream out) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            var sheet = wb.createSheet("pekerja");
            var head = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                head.createCell(i).setCellValue(HEADER.get(i));
            }
            int[] row = {1};
            workers.forEach(query, scope, l -> {
                var r = sheet.createRow(row[0]++);
                List<String> cells = cells(l, actor);
                for (int i = 0; i < cells.size(); i++) {
                    r.createCell(i).setCellValue(cells.get(i));
                }
            });
            wb.write(out);
            return row[0] - 1L;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
