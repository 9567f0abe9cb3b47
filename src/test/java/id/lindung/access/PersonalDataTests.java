package id.lindung.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a masked reader sees of text that may hold identity data: an audit entry's JSON. */
class PersonalDataTests {

    @Test
    void aKeptSearchThatLooksLikeAPhoneOrAShortNikShowsOnlyItsEnds() {
        assertThat(PersonalData.maskText("{\"q\":\"081234567890\",\"rows\":3}")).isEqualTo("{\"q\":\"081234****90\",\"rows\":3}");
        assertThat(PersonalData.maskText("{\"q\": \"6402051\"}")).isEqualTo("{\"q\": \"6402051\"}");
        assertThat(PersonalData.maskText("{\"q\":\"6402054107\"}")).isEqualTo("{\"q\":\"640205**07\"}");
    }

    @Test
    void aKeptSearchByNameOrDateKeepsTheNameAndTheYearOnly() {
        assertThat(PersonalData.maskText("{\"format\":\"csv\",\"q\":\"Siti Aminah\"}")).isEqualTo("{\"format\":\"csv\",\"q\":\"Siti Aminah\"}");
        assertThat(PersonalData.maskText("{\"q\":\"lahir 1990-05-01\"}")).isEqualTo("{\"q\":\"lahir 1990\"}");
    }

    @Test
    void anEscapedQuoteInsideTheSearchDoesNotEndItEarly() {
        assertThat(PersonalData.maskText("{\"q\":\"a\\\"b 0812345678901\",\"rows\":1}"))
                .isEqualTo("{\"q\":\"a\\\"b 081234*****01\",\"rows\":1}");
    }

    @Test
    void otherMembersKeepTheirRules() {
        assertThat(PersonalData.maskText("{\"nik\":\"6402054107900001\",\"phone\":\"0812345678\",\"birthDate\":\"1990-07-01\"}"))
                .isEqualTo("{\"nik\":\"640205********01\",\"phone\":\"***\",\"birthDate\":\"1990\"}");
        assertThat(PersonalData.maskText("{\"note\":\"0812345678\"}")).isEqualTo("{\"note\":\"0812345678\"}");
    }
}
