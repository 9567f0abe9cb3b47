package id.lindung;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.importing.ImportBatch;
import id.lindung.importing.WorkerImports;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import id.lindung.support.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, for every endpoint the application maps (API and pages): {@code access-matrix.tsv} names, for
 * each mapping, the roles allowed and a request to try. The matrix must cover every mapping (a new endpoint fails
 * here until its access is declared), and every role at every scope level (nation, province, regency, village)
 * gets exactly what the matrix says: allowed roles are never refused (and never see a 5xx), other roles are
 * refused (403, or 404 "as if it did not exist"), users of another area are refused every object of this one,
 * and each refusal is in the audit trail.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTests {

    static final Set<Role> ALL = EnumSet.allOf(Role.class);

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired WorkerImports imports;
    @Autowired Clock clock;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    record Row(int line, String method, String pattern, String allowed, String request, String body) {
        boolean isPublic() {
            return allowed.equals("public");
        }

        Set<Role> roles() {
            if (allowed.equals("*") || isPublic()) {
                return ALL;
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : allowed.split(",")) {
                roles.add(Role.valueOf(r.trim()));
            }
            return roles;
        }

        /** A request about one object of the fixture's village, which users of another area must not reach. */
        boolean isObject() {
            return request.matches(".*\\{(nik|worker|publicid|payer|bill|payment|import|village|claim)}.*");
        }
    }

    record User(String name, Role role, String scope, String token) {}

    List<Row> matrix;
    Map<String, String> fixture = new LinkedHashMap<>();
    List<User> users = new ArrayList<>();
    List<User> foreigners = new ArrayList<>();

    @BeforeAll
    void readMatrixAndBuildFixture() throws Exception {
        matrix = readMatrix();
        // a village no other test uses: its regency has no workers yet
        String village = jdbc.sql("""
                select v.code from region v where v.level = 'VILLAGE' and v.kind = 'DESA' and v.active
                  and not exists (select 1 from worker w where w.village_code like left(v.code, 5) || '.%')
                  and exists (select 1 from region o where o.level = 'VILLAGE' and o.code like left(v.code, 8) || '.%' and o.code <> v.code)
                  and exists (select 1 from region r where r.level = 'REGENCY' and r.parent_code = left(v.code, 2) and r.code <> left(v.code, 5))
                order by v.code limit 1""").query(String.class).single();
        String district = village.substring(0, 8);
        String regency = village.substring(0, 5);
        String province = village.substring(0, 2);
        String otherVillage = jdbc.sql("select min(code) from region where level = 'VILLAGE' and code like ? || '.%' and code <> ?")
                .params(district, village).query(String.class).single();
        String otherRegency = jdbc.sql("select min(code) from region where level = 'REGENCY' and parent_code = ? and code <> ?")
                .params(province, regency).query(String.class).single();
        fixture.put("village", village);
        fixture.put("district", district);
        fixture.put("regency", regency);
        fixture.put("province", province);

        for (Role role : Role.values()) {
            for (String scope : List.of("ID", province, regency, village)) {
                if (role == Role.VILLAGE_OPERATOR && !scope.equals(village)) {
                    continue;
                }
                users.add(user(role, scope));
            }
        }
        for (Role role : Role.values()) {
            foreigners.add(user(role, role == Role.VILLAGE_OPERATOR ? otherVillage : otherRegency));
        }

        // one worker with a bill and a payment in the village, and an import batch of the village
        User admin = users.get(0);
        User dpmd = users.stream().filter(u -> u.role() == Role.DPMD && u.scope().equals(regency)).findFirst().orElseThrow();
        String nik = Niks.unique(district.replace(".", ""), "L", LocalDate.of(1980, 3, 14));
        LocalDate today = LocalDate.now(clock);
        String start = YearMonth.from(today).atDay(1).toString();
        var created = send(admin, "POST", "/api/v1/workers", "json:{\"nik\":\"" + nik + "\",\"name\":\"Matriks Akses\",\"sex\":\"L\","
                + "\"birthDate\":\"1980-03-14\",\"villageCode\":\"" + village + "\",\"category\":\"PETANI\",\"programs\":[\"JKK\",\"JKM\"],"
                + "\"segment\":\"BPU\",\"wage\":1000000,\"payer\":\"SELF:" + nik + "\",\"startDate\":\"" + start + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        fixture.put("nik", nik);
        fixture.put("worker", jdbc.sql("select id::text from worker where nik = ?").param(nik).query(String.class).single());
        fixture.put("publicid", jdbc.sql("select public_id::text from worker where nik = ?").param(nik).query(String.class).single());
        fixture.put("payer", "SELF:" + nik);
        var run = send(dpmd, "POST", "/api/v1/billing/runs", "json:{\"month\":\"" + YearMonth.from(today) + "\"}");
        assertThat(run.statusCode()).as(run.body()).isLessThan(300);
        fixture.put("bill", jdbc.sql("select b.id::text from bill b join payer p on p.id = b.payer_id where p.code = ?")
                .param("SELF:" + nik).query(String.class).single());
        var paid = send(dpmd, "POST", "/api/v1/payments", "json:{\"payer\":\"SELF:" + nik + "\",\"reference\":\"MATRIX-1\",\"date\":\""
                + today + "\",\"amount\":1000,\"channel\":\"BANK\"}");
        assertThat(paid.statusCode()).as(paid.body()).isLessThan(300);
        fixture.put("payment", jdbc.sql("select id::text from payment where reference = 'MATRIX-1'").query(String.class).single());
        // a self-paying worker owes no fine, so its fine payment is written here, for the reversal's line to have an object
        fixture.put("finepayment", jdbc.sql("""
                insert into fine_payment (payer_id, payer_region_code, reference, paid_on, amount, channel, recorded_by)
                select id, region_code, 'MATRIX-F1', ?, 1000, 'BANK', 'matrix' from payer where code = ? returning id::text""")
                .params(java.sql.Date.valueOf(today), "SELF:" + nik).query(String.class).single());
        Path csv = Files.createTempFile("matrix-import", ".csv");
        csv.toFile().deleteOnExit();
        Files.writeString(csv, "nik,nama,jenis_kelamin,tanggal_lahir,kategori\n");
        // uploaded by the village's operator, so the batch belongs to the village and every user above it sees it
        User operator = users.stream().filter(u -> u.role() == Role.VILLAGE_OPERATOR).findFirst().orElseThrow();
        ImportBatch batch = CurrentActor.runAs(new Actor(operator.name(), Role.VILLAGE_OPERATOR, id.lindung.access.RegionScope.of(village), "test"),
                () -> imports.importFile("matrix.csv", csv, new WorkerImports.Options(village, null, false)));
        fixture.put("import", Long.toString(batch.id()));
        // a claim of the worker (stored even if the policies refuse it, so the fixture is the same on any day)
        var claim = send(admin, "POST", "/api/v1/claims", "json:{\"nik\":\"" + nik + "\",\"case\":\"JKK_MEDICAL\",\"incidentDate\":\""
                + today + "\",\"reportedOn\":\"" + today + "\",\"claimedCosts\":{\"medical\":1000},\"submitIfIneligible\":true}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(201);
        fixture.put("claim", jdbc.sql("select c.id::text from claim_case c join worker w on w.id = c.worker_id where w.nik = ?")
                .param(nik).query(String.class).single());
    }

    @Test
    void everyEndpointOfLindungHasItsAccessDeclaredInTheMatrix() {
        Set<String> mapped = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getName().startsWith("id.lindung.")) {
                continue; // springdoc, the error controller
            }
            Set<String> methods = new TreeSet<>();
            e.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            for (String pattern : e.getKey().getPatternValues()) {
                methods.forEach(m -> mapped.add(m + " " + pattern));
            }
        }
        Set<String> declared = new TreeSet<>();
        matrix.forEach(r -> declared.add(r.method() + " " + r.pattern()));
        assertThat(declared).as("endpoints in access-matrix.tsv that nothing maps").isSubsetOf(mapped);
        assertThat(mapped).as("mapped endpoints without a line in access-matrix.tsv").isSubsetOf(declared);
    }

    @Test
    void eachRoleAtEachScopeLevelIsAllowedExactlyWhatTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        StringBuilder observed = new StringBuilder("line\tmethod\tpattern\tuser\tstatus\n");
        for (Row row : matrix) {
            for (User user : users) {
                HttpResponse<String> r = send(user, row.method(), expand(row.request()), row.body());
                int status = r.statusCode();
                observed.append(row.line()).append('\t').append(row.method()).append('\t').append(row.pattern()).append('\t')
                        .append(user.name()).append('\t').append(status).append('\n');
                boolean allowed = row.roles().contains(user.role());
                if (status >= 500) {
                    wrong.add(describe(row, user, r, "a server error"));
                } else if (allowed && (status == 401 || status == 403)) {
                    wrong.add(describe(row, user, r, "refused although the matrix allows it"));
                } else if (!allowed && status != 403 && status != 404) {
                    wrong.add(describe(row, user, r, "not refused although the matrix does not allow it"));
                }
            }
        }
        writeObserved(observed);
        assertThat(wrong).as("requests whose answer contradicts access-matrix.tsv (all answers: target/access-matrix-observed.tsv)").isEmpty();
    }

    @Test
    void usersOfAnotherAreaAreRefusedEveryObjectOfThisOne() {
        List<String> wrong = new ArrayList<>();
        for (Row row : matrix) {
            if (!row.isObject() || row.isPublic()) {
                continue;
            }
            for (User user : foreigners) {
                HttpResponse<String> r = send(user, row.method(), expand(row.request()), row.body());
                if (r.statusCode() != 403 && r.statusCode() != 404) {
                    wrong.add(describe(row, user, r, "an object of another area was not refused"));
                } else if (r.body().contains("Matriks Akses") || r.body().contains("1980-03-14")) {
                    wrong.add(describe(row, user, r, "the refusal shows the worker"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void whatAScopedUserCountsEqualsWhatTheAdministratorCountsFilteredToThatArea() {
        User admin = users.get(0);
        for (User user : users) {
            if (user.scope().equals("ID")) {
                continue;
            }
            long own = total(send(user, "GET", "/api/v1/workers?size=1", "-").body());
            long filtered = total(send(admin, "GET", "/api/v1/workers?size=1&region=" + user.scope(), "-").body());
            assertThat(own).as("workers seen by " + user.name()).isEqualTo(filtered).isPositive();
            String bills = send(user, "GET", "/api/v1/bills?size=1", "-").headers().firstValue("X-Total-Count").orElse("-1");
            long inArea = jdbc.sql("select count(*) from bill where payer_region_code >= ? and payer_region_code < ?")
                    .params(user.scope(), user.scope() + "/").query(Long.class).single();
            assertThat(Long.parseLong(bills)).as("bills seen by " + user.name()).isEqualTo(inArea).isPositive();
        }
    }

    private static long total(String json) {
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Long.parseLong(m.group(1));
    }

    /**
     * An API write the matrix does not allow a read-only role is refused to MONITOR and AUDITOR with 403 whatever the
     * body's type: a JSON write sent as plain text answered them 415, from the type, before their role was looked at.
     */
    @Test
    void readOnlyRolesAreRefusedEveryApiWriteNotAllowedThemWhateverTheContentType() {
        List<String> wrong = new ArrayList<>();
        for (Row row : matrix) {
            if (row.method().equals("GET") || !row.pattern().startsWith("/api/v1/") || row.isPublic()) {
                continue;
            }
            for (User user : users) {
                if (user.role().canChangeData() || row.roles().contains(user.role())) {
                    continue;
                }
                HttpResponse<String> r = send(user, row.method(), expand(row.request()), "csv:x");
                if (r.statusCode() != 403 || !r.body().contains("\"code\":\"FORBIDDEN\"")) {
                    wrong.add(describe(row, user, r, "not refused with 403 FORBIDDEN for a text/csv body"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aRefusedRequestIsInTheAuditTrail() {
        User monitor = users.stream().filter(u -> u.role() == Role.MONITOR).findFirst().orElseThrow();
        long before = deniedEntries(monitor.name());
        var r = send(monitor, "POST", "/api/v1/billing/runs", "json:{\"month\":\"" + YearMonth.now(clock) + "\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(deniedEntries(monitor.name())).isEqualTo(before + 1);
        String entry = jdbc.sql("select entity_id from audit_event where username = ? and action = 'ACCESS_DENIED' order by id desc limit 1")
                .param(monitor.name()).query(String.class).single();
        assertThat(entry).isEqualTo("POST /api/v1/billing/runs");
    }

    @Test
    void aRefusedRequestForAWorkerLeavesNoNikInTheAuditTrail() {
        User foreign = foreigners.stream().filter(u -> u.role() == Role.VILLAGE_OPERATOR).findFirst().orElseThrow();
        send(foreign, "POST", "/api/v1/workers/" + fixture.get("nik") + "/status", "json:{\"status\":\"DECEASED\",\"date\":\"2026-01-01\"}");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ACCESS_DENIED' and (entity_id like '%' || ? || '%' or after_state::text like '%' || ? || '%')")
                .params(fixture.get("nik"), fixture.get("nik")).query(Long.class).single()).isZero();
    }

    private long deniedEntries(String username) {
        return jdbc.sql("select count(*) from audit_event where username = ? and action = 'ACCESS_DENIED'").param(username)
                .query(Long.class).single();
    }

    private User user(Role role, String scope) {
        String name = ("matrix-" + role + "-" + scope).toLowerCase().replace('_', '-').replace(".", "");
        return new User(name, role, scope, TestUsers.token(accounts, name, role, scope));
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private String expand(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = fixture.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("access-matrix.tsv uses unknown placeholder " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String describe(Row row, User user, HttpResponse<String> r, String what) {
        String body = r.body() == null ? "" : r.body().replaceAll("\\s+", " ");
        return "line " + row.line() + " " + row.method() + " " + expand(row.request()) + " as " + user.name() + ": " + what
                + " (" + r.statusCode() + " " + body.substring(0, Math.min(160, body.length())) + ")";
    }

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** body: "-", "json:{...}", "form:a=b&c=d", "csv:content" or "file:NAME=content" (a multipart upload of one file). */
    private HttpResponse<String> send(User user, String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + user.token());
        String expanded = expand(body);
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (expanded.startsWith("json:")) {
            b.header("Content-Type", "application/json");
            publisher = HttpRequest.BodyPublishers.ofString(expanded.substring(5));
        } else if (expanded.startsWith("form:")) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
            publisher = HttpRequest.BodyPublishers.ofString(expanded.substring(5));
        } else if (expanded.startsWith("csv:")) {
            b.header("Content-Type", "text/csv");
            publisher = HttpRequest.BodyPublishers.ofString(expanded.substring(4).replace("\\n", "\n"));
        } else if (expanded.startsWith("file:")) {
            String spec = expanded.substring(5);
            String field = spec.substring(0, spec.indexOf('='));
            String content = spec.substring(spec.indexOf('=') + 1).replace("\\n", "\n");
            String boundary = "----matrix" + System.nanoTime();
            String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"matrix.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
            b.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            publisher = HttpRequest.BodyPublishers.ofString(multipart);
        } else if (!expanded.equals("-")) {
            throw new IllegalStateException("access-matrix.tsv: unknown body " + body);
        }
        b.method(method, publisher);
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Row> readMatrix() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AccessMatrixIntegrationTests.class.getResourceAsStream("/access-matrix.tsv")) {
            assertThat(in).as("src/test/resources/access-matrix.tsv").isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                assertThat(f).as("access-matrix.tsv line " + (i + 1) + ": method, pattern, allowed, request, body").hasSize(5);
                rows.add(new Row(i + 1, f[0], f[1], f[2], f[3], f[4]));
            }
        }
        return rows;
    }

    private static void writeObserved(StringBuilder observed) {
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "access-matrix-observed.tsv"), observed);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
