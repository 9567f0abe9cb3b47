package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.shared.Segment;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON input is read as written: enumerations by their exact name, no control character trimmed away. */
class StrictJsonTests {

    record Body(Segment segment, LocalDate date, YearMonth month, List<Segment> segments, String name) {}

    /** The application's mapper: the module and the two settings of application.properties. */
    static final JsonMapper JSON = JsonMapper.builder().addModule(StrictJson.module())
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS).build();

    static Body read(String json) {
        return JSON.readValue(json, Body.class);
    }

    @Test
    void exactNamesAndDatesAreRead() {
        Body body = read("{\"segment\":\"BPU\",\"date\":\"2026-12-01\",\"month\":\"2026-01\",\"segments\":[\"PU\"],\"name\":\"Budi\"}");
        assertThat(body).isEqualTo(new Body(Segment.BPU, LocalDate.of(2026, 12, 1), YearMonth.of(2026, 1), List.of(Segment.PU), "Budi"));
    }

    @Test
    void aNulInAnEnumerationOrADateIsRefusedNotTrimmedAway() {
        for (String json : List.of("{\"segment\":\"PU\\u0000\"}", "{\"segment\":\"P\\u0000U\"}", "{\"date\":\"2026-01-01\\u0000\"}",
                "{\"month\":\"2026-01\\u0000\"}", "{\"segments\":[\"PU\",\"BPU\\u0000\"]}", "{\"segment\":\"PU\\n\"}")) {
            assertThatThrownBy(() -> read(json)).as(json).isInstanceOf(StrictJson.ControlCharacter.class);
        }
    }

    @Test
    void anEnumerationIsNeverReadFromItsPositionOrOtherLettersOrBlanks() {
        for (String json : List.of("{\"segment\":0}", "{\"segment\":\"1\"}", "{\"segment\":\"pu\"}", "{\"segment\":\" PU\"}",
                "{\"segments\":[0]}")) {
            assertThatThrownBy(() -> read(json)).as(json).isInstanceOf(DatabindException.class)
                    .isNotInstanceOf(StrictJson.ControlCharacter.class);
        }
    }

    @Test
    void aControlCharacterIsA400InvalidCharacterNamingTheField() throws Exception {
        var response = answer(() -> read("{\"segments\":[\"PU\",\"BPU\\u0000\"]}"), "/api/v1/workers");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().getProperties()).containsEntry("code", "INVALID_CHARACTER");
        assertThat(response.getBody().getProperties().get("errors").toString()).contains("segments[1]");
    }

    @Test
    void theFieldMeantIsTheSameNameInOtherLettersOrSnakeCaseElseTheNearestWithinTwoEdits() {
        List<String> known = List.of("nik", "name", "birthDate", "programs", "memberships", "payer", "startDate", "riskGroup");
        assertThat(StrictJson.suggestion("membership", known)).isEqualTo("memberships");
        assertThat(StrictJson.suggestion("Memberships", known)).isEqualTo("memberships");
        assertThat(StrictJson.suggestion("birth_date", known)).isEqualTo("birthDate");
        assertThat(StrictJson.suggestion("start-date", known)).isEqualTo("startDate");
        assertThat(StrictJson.suggestion("programme", known)).isEqualTo("programs");
        assertThat(StrictJson.suggestion("prgorams", known)).as("two letters swapped: one edit").isEqualTo("programs");
        assertThat(StrictJson.suggestion("payor", known)).isEqualTo("payer");
        assertThat(StrictJson.suggestion("risk", known)).as("the start of a known name").isEqualTo("riskGroup");
        assertThat(StrictJson.suggestion("sta", known)).as("too short to be the start of one").isNull();
        assertThat(StrictJson.suggestion("admin", known)).isNull();
        assertThat(StrictJson.suggestion("x".repeat(50_000), known)).isNull();
    }

    @Test
    void anUnknownFieldIsA400UnknownFieldNamingItsPathAndTheFieldMeant() throws Exception {
        record Cohort(String category, List<String> programs) {}
        record Plan(String payer, List<Cohort> cohorts) {}
        JsonMapper strict = StrictJson.forRequestBodies(JSON);
        var response = answer(() -> strict.readValue("{\"payer\":\"APBDES\",\"cohorts\":[{\"category\":\"RT_RW\"},"
                + "{\"programme\":[\"JKK\"]}]}", Plan.class), "/api/v1/budget-plans");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().getProperties()).containsEntry("code", "UNKNOWN_FIELD");
        assertThat(response.getBody().getProperties().get("errors").toString()).contains("cohorts[1].programme");
        assertThat(response.getBody().getDetail()).endsWith("did you mean `programs`?");
    }

    /** What the API answers a request to {@code path} whose body {@code reading} refuses. */
    private static org.springframework.http.ResponseEntity<org.springframework.http.ProblemDetail> answer(Runnable reading, String path)
            throws Exception {
        Exception cause = null;
        try {
            reading.run();
        } catch (DatabindException e) {
            cause = e;
        }
        return new ApiExceptionHandler().unreadable(new HttpMessageNotReadableException("x", cause, null),
                new MockHttpServletRequest("POST", path));
    }
}
