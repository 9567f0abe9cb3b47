package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bad-input corpus (src/test/resources/bad-input, docs/reliability.md "Bad input"): requests generated from a
 * compact manifest and payload sets, plus generated import files, all run against the API and the upload endpoint.
 * For every input: an error status with a specific code (naming the field, or the line and column of a file),
 * never a 500, nothing stored (row counts before and after), and no markup echoed into an HTML answer.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String VILLAGE = "64.02.05.2003";
    static final String RUN = Long.toString(System.nanoTime() % 100000);
    static final LocalDate BIRTH = LocalDate.of(1985, 8, 17);
    /** The tables a refused input could write to. */
    static final List<String> TABLES = List.of("worker", "membership_term", "worker_status_event", "payer", "payment",
            "fine_payment", "payment_allocation", "potential_workforce", "billing_run", "bill", "likely_duplicate", "claim_case", "claim_document");

    static final AtomicInteger TRIED = new AtomicInteger();
    static final AtomicInteger SERVER_ERRORS = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    private final Map<String, Http> users = new HashMap<>();
    private final Map<String, String> vars = new HashMap<>();
    /** The counts after the last write that stored nothing: the next input's "before", one query saved per input. */
    private Map<String, Long> lastCounts;

    /** One input: a request, or a file to upload; what it must answer. {@code status} 0: anything below 500. */
    record Case(String label, String user, String method, String path, String contentType, Supplier<byte[]> body,
                int status, String code, String field) {
        @Override
        public String toString() {
            return label;
        }
    }

    @BeforeAll
    void fixtures() {
        users.put("admin", Http.withToken(port, TestUsers.token(accounts, "corpus-admin", Role.ADMIN, "ID")));
        users.put("dpmd", Http.withToken(port, TestUsers.token(accounts, "corpus-dpmd", Role.DPMD, "64.02")));
        users.put("monitor", Http.withToken(port, TestUsers.token(accounts, "corpus-monitor", Role.MONITOR, "64.02")));
        users.put("auditor", Http.withToken(port, TestUsers.token(accounts, "corpus-auditor", Role.AUDITOR, "ID")));
        Http dpmd = users.get("dpmd");
        String known = Niks.unique("64.02.05", "L", BIRTH);
        var worker = dpmd.postJson("/api/v1/workers", """
                {"nik":"%s","name":"Korpus Terdaftar","sex":"L","birthDate":"1985-08-17","villageCode":"%s","category":"PERANGKAT_DESA",
                 "programs":["JKK","JKM"],"segment":"PU","wage":2500000,"payer":"APBDES","startDate":"2025-01-01"}""".formatted(known, VILLAGE));
        assertThat(worker.statusCode()).as(worker.body()).isEqualTo(201);
        vars.put("known", known);
        var payer = dpmd.postJson("/api/v1/payers", "{\"kind\":\"EMPLOYER\",\"name\":\"PT Korpus " + RUN + "\",\"regionCode\":\"" + VILLAGE + "\"}");
        assertThat(payer.statusCode()).as(payer.body()).isEqualTo(201);
        vars.put("employer", java.net.URLEncoder.encode(JSON.readTree(payer.body()).get("code").asString(), StandardCharsets.UTF_8)
                .replace("+", "%20"));
        vars.put("VILLAGE", VILLAGE);
        vars.put("run", RUN);
        // inside the claims' date bounds (up to a year ahead) yet after today: the domain's own refusal
        vars.put("nextMonth", TestClock.businessToday().plusMonths(1).toString());
        // a DRAFT budget plan of the corpus village, for the named-list uploads (issue 15)
        var plan = dpmd.postJson("/api/v1/budget-plans", "{\"payer\":\"APBDES:" + VILLAGE + "\",\"year\":" + TestClock.nextBusinessYear() + "}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        vars.put("plan", JSON.readTree(plan.body()).get("id").asString());
    }

    @AfterAll
    void figures() {
        System.out.printf("bad-input corpus: %d inputs tried, %d answered 5xx%n", TRIED.get(), SERVER_ERRORS.get());
    }

    // ---------------------------------------------------------------- the cases

    static Stream<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        Map<String, List<String[]>> payloads = payloads();
        for (String[] row : tsv("manifest.tsv")) {
            String template = row[3] + "\u0001" + row[4];
            Matcher set = Pattern.compile("\\{\\{(\\w+)}}").matcher(template);
            if (!set.find()) {
                cases.add(request(row[0], row, row[3], row[4], status(row[5]), row[6]));
                continue;
            }
            List<String[]> values = payloads.get(set.group(1));
            if (values == null) {
                throw new IllegalStateException("no payload set " + set.group(1) + " for " + row[0]);
            }
            for (String[] p : values) {
                boolean inPath = row[3].contains("{{");
                String value = inPath ? p[2] : json(p[2]);
                String path = row[3].replace("{{" + set.group(1) + "}}", value);
                String body = row[4].replace("{{" + set.group(1) + "}}", value);
                int status = "*".equals(row[5]) ? status(p[3]) : status(row[5]);
                String code = "*".equals(row[6]) ? p[4] : "any".equals(row[6]) ? "*" : row[6];
                cases.add(request(row[0] + "." + p[1], row, path, body, status, code));
            }
        }
        cases.addAll(ImportFiles.cases(payloads));
        return cases.stream();
    }

    private static Case request(String label, String[] row, String path, String body, int status, String code) {
        String contentType = "GET".equals(row[2]) ? null : "application/json";
        String text = body;
        if (body.startsWith("@")) {
            int colon = body.indexOf(':');
            contentType = body.substring(1, colon);
            // a file's text: \\n a line break, \\uXXXX that character (a NUL, an escape, a direction override)
            text = java.util.regex.Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(body.substring(colon + 1).replace("\\n", "\n"))
                    .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        if (text.equals("\\u0000")) {
            text = "\u0000";
        }
        String finalText = text;
        return new Case(label, row[1], row[2], path, contentType, () -> finalText.getBytes(StandardCharsets.UTF_8), status,
                "*".equals(code) ? null : code, "-".equals(row[7]) ? null : row[7]);
    }

    private static int status(String s) {
        return "*".equals(s) || "any".equals(s) ? 0 : Integer.parseInt(s);
    }

    /** A payload as JSON: as written, or {@code =repeat:N:TEXT}. */
    static String json(String value) {
        if (value.startsWith("=repeat:")) {
            String[] parts = value.split(":", 3);
            return "\"" + parts[2].repeat(Integer.parseInt(parts[1])) + "\"";
        }
        return value;
    }

    static Map<String, List<String[]>> payloads() throws IOException {
        Map<String, List<String[]>> sets = new LinkedHashMap<>();
        for (String[] row : tsv("payloads.tsv")) {
            sets.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
        }
        return sets;
    }

    static List<String[]> tsv(String name) throws IOException {
        try (InputStream in = BadInputCorpusIntegrationTests.class.getResourceAsStream("/bad-input/" + name)) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        }
    }

    // ---------------------------------------------------------------- the test

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyBadInputIsRefusedWithItsCodeAndNothingIsStored(Case c) {
        Map<String, Long> before = lastCounts != null ? lastCounts : counts();
        lastCounts = null;
        HttpResponse<String> response = send(c);
        TRIED.incrementAndGet();
        if (response.statusCode() >= 500) {
            SERVER_ERRORS.incrementAndGet();
        }
        String body = c.label() + " -> " + response.body();
        assertThat(response.statusCode()).as(body).isLessThan(500);
        assertThat(response.body()).as(body).doesNotContain("\tat ", "Exception", "org.postgresql", "SQL [");
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("text/html")) {
            assertThat(body).doesNotContainIgnoringCase("<script>alert").doesNotContainIgnoringCase("onerror=alert");
        }
        if (c.status() == 0) {
            if (response.statusCode() >= 400) {
                assertThat(type).as(body).startsWith("application/problem+json");
                assertThat(JSON.readTree(response.body()).get("code").asString()).isNotBlank().isNotEqualTo("INTERNAL_ERROR");
            }
            // a payments file answers 200 with its rejected lines and "accepted":0: refused row by row, nothing recorded
            boolean rejectedRows = response.body().contains("\"accepted\":0");
            if (!c.method().equals("GET") && response.statusCode() < 300 && !c.label().startsWith("quote") && !rejectedRows) {
                throw new AssertionError(c.label() + " was accepted: " + body);
            }
        } else {
            assertThat(response.statusCode()).as(body).isEqualTo(c.status());
            assertThat(type).as(body).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            List<String> codes = new ArrayList<>();
            codes.add(problem.get("code").asString());
            List<String> fields = new ArrayList<>();
            if (problem.has("errors")) {
                for (JsonNode e : problem.get("errors")) {
                    codes.add(e.get("code").asString());
                    fields.add(e.hasNonNull("field") ? e.get("field").asString() : "");
                    if (c.field() != null && c.field().startsWith("line")) {
                        assertThat(e.get("line").asLong()).as(body).isPositive();
                    }
                }
            }
            if (c.code() != null) {
                assertThat(codes).as(body).contains(c.code());
            }
            if (c.field() != null && !c.field().startsWith("line")) {
                // a list's element is named with its index: programs[1]
                assertThat(fields).as(body).anyMatch(f -> f.equals(c.field()) || f.startsWith(c.field() + "["));
            }
        }
        if (!c.label().startsWith("quote") && !c.method().equals("GET")) {
            Map<String, Long> after = counts();
            assertThat(after).as(c.label() + " stored something: " + body).isEqualTo(before);
            lastCounts = after;
        }
    }

    private Map<String, Long> counts() {
        String sql = "select " + String.join(", ", TABLES.stream().map(t -> "(select count(*) from " + t + ")").toList());
        return jdbc.sql(sql).query((rs, n) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < TABLES.size(); i++) {
                counts.put(TABLES.get(i), rs.getLong(i + 1));
            }
            return counts;
        }).single();
    }

    private HttpResponse<String> send(Case c) {
        Http http = users.get(c.user());
        String path = fill(c.path());
        if (c.contentType() != null && c.contentType().startsWith("multipart/")) {
            return http.upload(path, "file", c.contentType().substring(c.contentType().indexOf(';') + 1), c.body().get(), "unused");
        }
        return switch (c.method()) {
            case "GET" -> http.get(path);
            case "PATCH" -> http.patchJson(path, new String(fill(c.body().get()), StandardCharsets.UTF_8));
            case "PUT" -> http.putJson(path, new String(fill(c.body().get()), StandardCharsets.UTF_8));
            default -> http.post(path, c.contentType(), fill(c.body().get()));
        };
    }

    private byte[] fill(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.contains("${") ? fill(text).getBytes(StandardCharsets.UTF_8) : body;
    }

    private String fill(String text) {
        Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1).equals("nik") ? Niks.unique("64.02.05", "L", BIRTH) : vars.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** Issue 12 item 11: Excel's "CSV UTF-8" starts with a BOM; its header is read, and the bad row named by its line. */
    @org.junit.jupiter.api.Test
    void aPaymentsCsvWithAUtf8BomIsRead() {
        Map<String, Long> before = counts();
        byte[] csv = ("\uFEFFpayer,reference,date,amount\nAPBD:99.99,BOM-" + RUN + ",2025-02-02,1000\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = users.get("dpmd").post("/api/v1/payments/imports", "text/csv", csv);
        assertThat(response.body()).doesNotContain("HEADER_MISSING_COLUMN").contains("\"line\":2");
        assertThat(counts()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- generated import files

    /** Worker files where every row is wrong (or the file as a whole is): the upload is refused, naming line and column. */
    static final class ImportFiles {

        static final String HEADER = "nik,name,sex,birth_date,village_code,category,start_date,wage";
        static final String GOOD_NIK = "6402051708850001";

        static List<Case> cases(Map<String, List<String[]>> payloads) throws IOException {
            List<Case> cases = new ArrayList<>();
            // every name payload as a cell (the JSON-only ones aside)
            for (String[] p : payloads.get("name")) {
                String cell = cell(p[2]);
                if (cell == null || p[4].equals("REQUIRED")) {
                    continue;
                }
                if (p[1].startsWith("lone-")) {
                    // a lone surrogate cannot be written as UTF-8: the file holds '?' in its place, refused as a name
                    cases.add(csv("file.csv.name." + p[1], row(GOOD_NIK, cell, "L", "1985-08-17", VILLAGE, "NELAYAN", "", ""), "NAME_INVALID"));
                    continue;
                }
                String code = p[4].equals("INVALID_CHARACTER") || p[1].equals("newline") || p[1].equals("carriage-return")
                        ? "INVALID_CHARACTER" : p[4];
                if (p[1].equals("newline") || p[1].equals("carriage-return") || p[1].equals("tab")) {
                    continue; // a quoted line break is a new row in CSV: covered by the quoting cases below
                }
                cases.add(csv("file.csv.name." + p[1], row(GOOD_NIK, cell, "L", "1985-08-17", VILLAGE, "NELAYAN", "", ""), code));
            }
            for (String[] p : payloads.get("nik")) {
                String cell = cell(p[2]);
                if (cell == null || cell.isEmpty() || p[4].equals("INVALID_VALUE") || p[1].equals("spaces-inside")) {
                    // spaces inside a NIK are dropped by the import, as spreadsheets group digits
                    continue;
                }
                String code = p[1].equals("spaces-inside") ? null : p[1].equals("nul") ? "INVALID_CHARACTER" : p[4];
                cases.add(csv("file.csv.nik." + p[1], row(cell, "Budi Santoso", "L", "1985-08-17", VILLAGE, "NELAYAN", "", ""), code));
            }
            String[][] cells = {
                    {"birth.impossible", "birth_date", "1985-02-30", "INVALID_DATE"},
                    {"birth.text", "birth_date", "kemarin", "INVALID_DATE"},
                    {"birth.month-first", "birth_date", "08/17/1985", "INVALID_DATE"},
                    {"start.far-future", "start_date", "9999-12-31", "START_DATE_OUT_OF_RANGE"},
                    {"start.ancient", "start_date", "1900-01-01", "START_DATE_OUT_OF_RANGE"},
                    {"start.impossible", "start_date", "2025-13-01", "INVALID_DATE"},
                    {"wage.negative", "wage", "-1", "WAGE_NOT_POSITIVE"},
                    {"wage.zero", "wage", "0", "WAGE_NOT_POSITIVE"},
                    {"wage.huge", "wage", "1e20", null},
                    {"wage.overflow", "wage", "1e400", null},
                    {"wage.digits", "wage", "123456789012345678901234567890", "WAGE_TOO_LARGE"},
                    {"wage.fraction", "wage", "2500000.123", null},
                    {"wage.text", "wage", "banyak", "WAGE_INVALID"},
                    {"village.unknown", "village_code", "64.02.05.9999", "VILLAGE_UNKNOWN"},
                    {"village.elsewhere", "village_code", "73.02.01.2001", "VILLAGE_OUT_OF_SCOPE"},
                    {"village.html", "village_code", "<b>x</b>", null},
                    {"category.unknown", "category", "ASTRONOT", "CATEGORY_UNKNOWN"},
                    {"sex.unknown", "sex", "X", "INVALID_SEX"},
                    {"phone.letters", "phone", "abc", "PHONE_INVALID"},
                    {"kpj.html", "kpj", "<b>1</b>", "KPJ_INVALID"},
            };
            for (String[] c : cells) {
                Map<String, String> r = new LinkedHashMap<>(Map.of("nik", GOOD_NIK, "name", "Budi Santoso", "sex", "L",
                        "birth_date", "1985-08-17", "village_code", VILLAGE, "category", "PERANGKAT_DESA", "start_date", "2025-01-01",
                        "wage", "2500000"));
                r.put(c[1], c[2]);
                String header = String.join(",", r.keySet());
                cases.add(csvWithHeader("file.csv." + c[0], header, String.join(",", r.values()), c[3]));
            }
            // encodings and CSV dialects
            cases.add(bytes("file.csv.latin1-row", (HEADER + "\n" + GOOD_NIK + ",Jos\u00e9 Santoso,L,1985-08-17," + VILLAGE + ",NELAYAN,,\n")
                    .getBytes(StandardCharsets.ISO_8859_1), "FILE_NOT_UTF8"));
            cases.add(bytes("file.csv.latin1-header", ("nik,nam\u00e9,sex\n" + GOOD_NIK + ",x,L\n").getBytes(StandardCharsets.ISO_8859_1), null));
            cases.add(bytes("file.csv.windows-1252", (HEADER + "\n" + GOOD_NIK + ",\u201cBudi\u201d,L,1985-08-17," + VILLAGE + ",NELAYAN,,\n")
                    .getBytes(Charset.forName("windows-1252")), "FILE_NOT_UTF8"));
            cases.add(bytes("file.csv.utf16le-bom", withBom(new byte[] {(byte) 0xFF, (byte) 0xFE},
                    (HEADER + "\n" + GOOD_NIK + ",Budi,L,1985-08-17," + VILLAGE + ",NELAYAN,,\n").getBytes(StandardCharsets.UTF_16LE)), null));
            cases.add(bytes("file.csv.utf16be", (HEADER + "\n" + GOOD_NIK + ",Budi,L,1985-08-17,x,NELAYAN,,\n").getBytes(StandardCharsets.UTF_16BE), null));
            cases.add(bytes("file.csv.utf8-bom-bad-nik", withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    (HEADER + "\n12345,Budi,L,1985-08-17," + VILLAGE + ",NELAYAN,,\n").getBytes(StandardCharsets.UTF_8)), "NIK_NOT_16_DIGITS"));
            cases.add(bytes("file.csv.semicolons", (HEADER.replace(',', ';') + "\n" + GOOD_NIK + ";<b>Budi</b>;L;1985-08-17;" + VILLAGE
                    + ";NELAYAN;;\n").getBytes(StandardCharsets.UTF_8), "NAME_INVALID"));
            cases.add(bytes("file.csv.quoted-markup", (HEADER + "\n" + GOOD_NIK + ",\"Budi \"\"<script>alert(1)</script>\"\"\",L,1985-08-17,"
                    + VILLAGE + ",NELAYAN,,\n").getBytes(StandardCharsets.UTF_8), "NAME_INVALID"));
            cases.add(bytes("file.csv.quoted-newline", (HEADER + "\n" + GOOD_NIK + ",\"Budi\nSantoso\",L,1985-08-17," + VILLAGE
                    + ",NELAYAN,,\n").getBytes(StandardCharsets.UTF_8), "INVALID_CHARACTER"));
            cases.add(bytes("file.csv.crlf-bad-sex", (HEADER + "\r\n" + GOOD_NIK + ",Budi,X,1985-08-17," + VILLAGE + ",NELAYAN,,\r\n")
                    .getBytes(StandardCharsets.UTF_8), "INVALID_SEX"));
            cases.add(bytes("file.csv.unterminated-quote", (HEADER + "\n" + GOOD_NIK + ",\"Budi,L,1985-08-17\n").getBytes(StandardCharsets.UTF_8), null));
            cases.add(bytes("file.csv.header-only", (HEADER + "\n").getBytes(StandardCharsets.UTF_8), null));
            cases.add(bytes("file.csv.empty", new byte[0], "FILE_EMPTY"));
            cases.add(bytes("file.csv.blank-lines", "\n\n\n".getBytes(StandardCharsets.UTF_8), "FILE_EMPTY"));
            cases.add(bytes("file.csv.no-known-columns", "foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8), null));
            cases.add(bytes("file.csv.nul-bytes", (HEADER + "\n" + GOOD_NIK + ",Bu\u0000di,L,1985-08-17," + VILLAGE + ",NELAYAN,,\n")
                    .getBytes(StandardCharsets.UTF_8), "INVALID_CHARACTER"));
            cases.add(bytes("file.csv.binary", new byte[] {0, 1, 2, 3, (byte) 0xFF, (byte) 0xFE, 10, 0, 0}, null));
            cases.add(bytes("file.csv.duplicate-nik", (HEADER + "\n" + GOOD_NIK + ",<b>A</b>,L,1985-08-17," + VILLAGE + ",NELAYAN,,\n"
                    + GOOD_NIK + ",<b>B</b>,L,1985-08-17," + VILLAGE + ",NELAYAN,,\n").getBytes(StandardCharsets.UTF_8), "NAME_INVALID"));
            // spreadsheets
            cases.add(bytes("file.xlsx.formula", xlsx(wb -> {
                var row = wb.getSheetAt(0).createRow(1);
                row.createCell(0).setCellValue(GOOD_NIK);
                row.createCell(1).setCellFormula("HYPERLINK(\"http://x\",\"<b>x</b>\")");
                row.createCell(2).setCellValue("L");
                row.createCell(3).setCellValue("1985-08-17");
                row.createCell(4).setCellValue(VILLAGE);
                row.createCell(5).setCellValue("NELAYAN");
            }), null));
            cases.add(bytes("file.xlsx.merged-cells", xlsx(wb -> {
                var sheet = wb.getSheetAt(0);
                var row = sheet.createRow(1);
                row.createCell(0).setCellValue(GOOD_NIK);
                row.createCell(1).setCellValue("Budi");
                sheet.addMergedRegion(new CellRangeAddress(1, 1, 1, 5));
            }), null));
            cases.add(bytes("file.xlsx.date-as-number", xlsx(wb -> {
                var row = wb.getSheetAt(0).createRow(1);
                row.createCell(0).setCellValue(GOOD_NIK);
                row.createCell(1).setCellValue("Budi Santoso");
                row.createCell(2).setCellValue("L");
                row.createCell(3).setCellValue(31276); // 1985-08-17 as a serial number without a date format
                row.createCell(4).setCellValue(VILLAGE);
                row.createCell(5).setCellValue("ASTRONOT");
            }), "CATEGORY_UNKNOWN"));
            cases.add(bytes("file.xlsx.date-as-text", xlsx(wb -> {
                var row = wb.getSheetAt(0).createRow(1);
                row.createCell(0).setCellValue(GOOD_NIK);
                row.createCell(1).setCellValue("Budi Santoso");
                row.createCell(2).setCellValue("L");
                row.createCell(3).setCellValue("17 Agustus 85");
                row.createCell(4).setCellValue(VILLAGE);
                row.createCell(5).setCellValue("NELAYAN");
            }), "INVALID_DATE"));
            cases.add(bytes("file.xlsx.nik-as-number", xlsx(wb -> {
                var row = wb.getSheetAt(0).createRow(1);
                row.createCell(0).setCellValue(6.402051708850001e15);
                row.createCell(1).setCellValue("<script>alert(1)</script>");
                row.createCell(2).setCellValue("L");
                row.createCell(3).setCellValue("1985-08-17");
                row.createCell(4).setCellValue(VILLAGE);
                row.createCell(5).setCellValue("NELAYAN");
            }), "NAME_INVALID"));
            cases.add(bytes("file.xlsx.empty-sheet", xlsx(wb -> wb.getSheetAt(0).removeRow(wb.getSheetAt(0).getRow(0))), "FILE_EMPTY"));
            cases.add(bytes("file.xlsx.huge-sheet", xlsx(wb -> {
                var sheet = wb.getSheetAt(0);
                for (int i = 1; i <= 1000; i++) {
                    var row = sheet.createRow(i);
                    row.createCell(0).setCellValue("12345" + i);
                    row.createCell(1).setCellValue("Budi " + i);
                }
            }), "NIK_NOT_16_DIGITS"));
            cases.add(bytes("file.xlsx.zip-bomb", zipBomb(), null));
            cases.add(bytes("file.xlsx.truncated", java.util.Arrays.copyOf(xlsx(wb -> { }), 200), null));
            cases.add(bytes("file.xlsx.not-a-workbook", zip("hello.txt", "hello".getBytes(StandardCharsets.UTF_8)), null));
            cases.add(bytes("file.html.script-table", ("<html><table><tr><th>nik</th><th>name</th><th>sex</th><th>birth_date</th><th>village_code</th><th>category</th></tr>"
                    + "<tr><td>" + GOOD_NIK + "</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>L</td><td>1985-08-17</td><td>"
                    + VILLAGE + "</td><td>NELAYAN</td></tr></table>")
                    .getBytes(StandardCharsets.UTF_8), "NAME_INVALID"));
            return cases;
        }

        /** A payload as the text of a CSV cell; null when it has no CSV form. */
        static String cell(String payload) {
            if (payload.startsWith("=repeat:")) {
                String[] parts = payload.split(":", 3);
                return parts[2].repeat(Integer.parseInt(parts[1]));
            }
            if (!payload.startsWith("\"")) {
                return null;
            }
            String text = JSON.readTree(payload).asString();
            return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
        }

        static String row(String... cells) {
            return String.join(",", cells);
        }

        static Case csv(String label, String row, String code) {
            return csvWithHeader(label, HEADER, row, code);
        }

        static Case csvWithHeader(String label, String header, String row, String code) {
            return bytes(label, (header + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8), code);
        }

        static Case bytes(String label, byte[] content, String code) {
            String name = label.startsWith("file.xlsx") ? "daftar.xlsx" : label.startsWith("file.html") ? "daftar.xls" : "daftar.csv";
            return new Case(label, "dpmd", "POST", "/api/v1/imports?villageCode=" + VILLAGE, "multipart/form-data;" + name,
                    () -> content, 422, code, code == null || code.startsWith("FILE") ? null : "line");
        }

        static byte[] withBom(byte[] bom, byte[] text) {
            byte[] out = new byte[bom.length + text.length];
            System.arraycopy(bom, 0, out, 0, bom.length);
            System.arraycopy(text, 0, out, bom.length, text.length);
            return out;
        }

        interface Sheet {
            void fill(XSSFWorkbook wb);
        }

        static byte[] xlsx(Sheet sheet) {
            try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                var header = wb.createSheet("pekerja").createRow(0);
                String[] names = HEADER.split(",");
                for (int i = 0; i < names.length; i++) {
                    header.createCell(i).setCellValue(names[i]);
                }
                sheet.fill(wb);
                wb.write(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** An XLSX whose sheet inflates a thousandfold: 100 MB of spaces in about 100 kB. */
        static byte[] zipBomb() {
            byte[] workbook = xlsx(wb -> { });
            try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(workbook));
                 ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    byte[] content = in.readAllBytes();
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                        String xml = new String(content, StandardCharsets.UTF_8);
                        int at = xml.indexOf("<sheetData");
                        zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                        byte[] spaces = new byte[1 << 20];
                        java.util.Arrays.fill(spaces, (byte) ' ');
                        for (int i = 0; i < 100; i++) {
                            zip.write(spaces);
                        }
                        zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                    } else {
                        zip.write(content);
                    }
                    zip.closeEntry();
                }
                zip.finish();
                return out.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static byte[] zip(String name, byte[] content) {
            try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
                zip.finish();
                return out.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
