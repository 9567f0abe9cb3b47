package id.lindung.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's two load clients (issue 16, sections 3 and 5): wrk outside the JVM when it is there, java.net.http inside
 * it otherwise. Both must send the same requests with the token and count the same errors, so that a figure does not
 * depend on which client made it, only how much of the machine the client took.
 */
class BenchLoadTests {

    @Test
    void everyTokenAndBodyBecomesALuaStringThatCannotEndEarly() {
        assertThat(BenchLoad.Wrk.lua("{\"a\":\"b\\\\c\"}\n]]é")).isEqualTo("\"{\\034a\\034:\\034b\\092\\092c\\034}\\010]]\\195\\169\"");
        String script = BenchLoad.Wrk.script("tok\"en", List.of(BenchLoad.Request.get("/x?d=1"), BenchLoad.Request.post("/q", "{}")));
        assertThat(script).contains("local token = \"tok\\034en\"", "{\"GET\", \"/x?d=1\", nil}", "{\"POST\", \"/q\", \"{}\"}",
                "LINDUNG-WRK requests=%d");
        assertThatThrownBy(() -> BenchLoad.Wrk.script("t", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrksResultLineGivesTheFiguresAndAddsSocketErrorsToStatusErrors() {
        BenchLoad.Figures f = BenchLoad.Wrk.parse("Running 10s test\nLINDUNG-WRK requests=90000 duration_us=10000000 status_errors=3 "
                + "socket_errors=2 p50_us=4500.0 p95_us=12000.5 p99_us=19000.0\n", 1.5, 2.5, "wrk");
        assertThat(f.requests()).isEqualTo(90000);
        assertThat(f.seconds()).isEqualTo(10.0);
        assertThat(f.errors()).isEqualTo(5);
        assertThat(f.firstError()).contains("3 answers of 400 or above", "2 connection errors");
        assertThat(f.p50Ms()).isEqualTo(4.5);
        assertThat(f.p95Ms()).isEqualTo(12.0005);
        assertThat(f.p99Ms()).isEqualTo(19.0);
        assertThat(BenchLoad.Wrk.parse("LINDUNG-WRK requests=1 duration_us=1 status_errors=0 socket_errors=0 p50_us=1 p95_us=1 p99_us=1",
                0, 0, "wrk").firstError()).isNull();
    }

    @Test
    void wrkWithoutItsResultLineIsAFailureNotAZeroFigure() {
        assertThatThrownBy(() -> BenchLoad.Wrk.parse("unable to connect to 127.0.0.1:1 Connection refused\n", 0, 0, "wrk"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Connection refused");
    }

    @Test
    void askingForWrkWhereThereIsNoneIsRefusedBeforeAnythingIsMeasured() {
        assumeThat(BenchLoad.onPath("wrk")).as("wrk is installed here").isEmpty();
        assertThatThrownBy(() -> BenchLoad.of(BenchLoad.Kind.WRK, "http://127.0.0.1:1", "t", 1, 1, Path.of("target")))
                .hasMessageContaining("--load-client java");
    }

    @Test
    void bothClientsSendTheTokenAndTheBodiesAndCountTheSameShareOfErrors(@TempDir Path dir) throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicLong unauthorised = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"Bearer t0k".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                unauthorised.incrementAndGet();
            }
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + new String(body, StandardCharsets.UTF_8));
            int status = exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200;
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            List<BenchLoad.Request> requests = List.of(BenchLoad.Request.get("/a?date=2026-01-02"),
                    BenchLoad.Request.post("/q", "{\"segment\":\"BPU\"}"), BenchLoad.Request.get("/b"), BenchLoad.Request.get("/missing"));
            List<BenchLoad.Kind> kinds = BenchLoad.onPath("wrk").isPresent()
                    ? List.of(BenchLoad.Kind.JAVA, BenchLoad.Kind.WRK) : List.of(BenchLoad.Kind.JAVA);
            for (BenchLoad.Kind kind : kinds) {
                seen.clear();
                BenchLoad load = BenchLoad.of(kind, base, "t0k", 2, 1, dir);
                BenchLoad.Figures f = load.run("t", requests);
                assertThat(f.client()).as(kind.name()).isEqualTo(load.client());
                assertThat(f.requests()).as(kind.name()).isGreaterThan(20);
                // one request in four answers 404: a quarter of the measured requests are errors, give or take the cycle's ends
                assertThat((double) f.errors() / f.requests()).as(kind.name()).isBetween(0.2, 0.3);
                assertThat(f.p50Ms()).as(kind.name()).isPositive().isLessThanOrEqualTo(f.p95Ms());
                assertThat(f.p95Ms()).as(kind.name()).isLessThanOrEqualTo(f.p99Ms());
                assertThat(seen).as(kind.name()).contains("GET /a?date=2026-01-02 ", "POST /q {\"segment\":\"BPU\"}", "GET /b ",
                        "GET /missing ");
            }
            assertThat(unauthorised).hasValue(0);
        } finally {
            server.stop(0);
        }
    }
}
