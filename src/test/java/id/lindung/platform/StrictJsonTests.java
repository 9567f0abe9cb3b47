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
        Exception cause = null;
        try {
            read("{\"segments\":[\"PU\",\"BPU\\u0000\"]}");
        } catch (DatabindException e) {
            cause = e;
        }
        var response = new ApiExceptionHandler().unreadable(new HttpMessageNotReadableException("x", cause, null),
                new MockHttpServletRequest("POST", "/api/v1/workers"));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().getProperties()).containsEntry("code", "INVALID_CHARACTER");
        assertThat(response.getBody().getProperties().get("errors").toString()).contains("segments[1]");
    }
}
