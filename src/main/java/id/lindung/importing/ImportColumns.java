package id.lindung.importing;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each column stands in an import file. Columns are found by header name (English or Indonesian, any order),
 * each under its canonical name; a row's cell is read by that name.
 */
final class ImportColumns {

    static final List<String> COLUMNS = List.of("nik", "name", "sex", "birth_date", "village_code", "category", "segment",
            "wage", "risk", "programs", "payer", "start_date");

    private static final Map<String, String> SYNONYMS = new HashMap<>();

    static {
        syn("nik", "nik", "no_nik", "nomor_nik", "nik_ktp");
        syn("name", "name", "nama", "nama_lengkap", "full_name");
        syn("sex", "sex", "jenis_kelamin", "jk", "kelamin", "jeniskelamin");
        syn("birth_date", "birth_date", "tanggal_lahir", "tgl_lahir", "tanggallahir", "tgllahir");
        syn("village_code", "village_code", "kode_desa", "kode_wilayah", "kode_kelurahan");
        syn("category", "category", "kategori", "jenis_pekerja");
        syn("segment", "segment", "segmen");
        syn("wage", "wage", "upah", "gaji", "penghasilan");
        syn("risk", "risk", "risiko", "resiko", "kelompok_risiko");
        syn("programs", "programs", "program", "programme");
        syn("payer", "payer", "pembayar", "penanggung");
        syn("start_date", "start_date", "tanggal_mulai", "tmt", "mulai");
        syn("phone", "phone", "telepon", "no_hp", "hp", "no_telp");
        syn("kpj", "kpj", "no_kpj", "nomor_kpj");
        // the P3KE/DTKS household decile (Inpres 4/2022), optional
        syn("poverty_decile", "p3ke_decile", "poverty_decile", "desil", "desil_p3ke", "desil_dtks");
        syn("pekerjaan", "pekerjaan", "occupation");
    }

    private static void syn(String canonical, String... names) {
        for (String n : names) {
            SYNONYMS.put(n, canonical);
        }
    }

    private final Map<String, Integer> index = new HashMap<>();
    private final String[] header;

    ImportColumns(String[] header) {
        this.header = header;
        for (int i = 0; i < header.length; i++) {
            String canonical = SYNONYMS.get(normalise(header[i]));
            if (canonical != null) {
                index.putIfAbsent(canonical, i);
            }
        }
    }

    static String normalise(String name) {
        return name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_').replace(".", "");
    }

    String[] header() {
        return header;
    }

    boolean has(String canonical) {
        return index.containsKey(canonical);
    }

    /** Position of a canonical column in the file, or -1. */
    int position(String canonical) {
        return index.getOrDefault(canonical, -1);
    }

    /** Each canonical column found, with its position. */
    Map<String, Integer> positions() {
        return Collections.unmodifiableMap(index);
    }

    /** A row's text in a canonical column, trimmed; "" where the file has no such column or the row no such cell. */
    String get(String[] f, String canonical) {
        Integer i = index.get(canonical);
        if (i == null || i >= f.length || f[i] == null) {
            return "";
        }
        String v = f[i].trim();
        // a leading apostrophe is how spreadsheets (and our exports) keep text such as NIKs or "=..." literal
        return v.startsWith("'") ? v.substring(1).trim() : v;
    }
}
