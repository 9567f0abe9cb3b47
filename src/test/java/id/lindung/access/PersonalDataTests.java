package id.lindung.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a masked reader sees of text that may hold identity data: an audit entry's JSON. */
class PersonalDataTests {

    /**
     * No digit of a kept search past the sixth, however it was typed: the review of 6 December 2026 rebuilt a whole NIK
     * from searches of different lengths (each showed another pair of hidden digits), spaced or dashed ones showed whole.
     */
    @Test
    void aKeptSearchShowsNoDigitPastTheSixthHoweverItWasTyped() {
        assertThat(PersonalData.maskText("{\"q\":\"081234567890\",\"rows\":3}")).isEqualTo("{\"q\":\"081234******\",\"rows\":3}");
        assertThat(PersonalData.maskText("{\"q\": \"640203140\"}")).isEqualTo("{\"q\": \"640203***\"}");
        assertThat(PersonalData.maskText("{\"q\":\"64020314097\"}")).isEqualTo("{\"q\":\"640203*****\"}");
        assertThat(PersonalData.maskText("{\"q\":\"6402 0314 0974 0001\"}")).isEqualTo("{\"q\":\"6402 03** **** ****\"}");
        assertThat(PersonalData.maskText("{\"q\":\"640203-140974-0001\"}")).isEqualTo("{\"q\":\"640203-******-****\"}");
    }

    @Test
    void aSelfPayerFilterIsMaskedAndOtherPayerCodesKeepTheirRegion() {
        assertThat(PersonalData.maskText("{\"payer\":\"SELF:640203140974000\"}")).isEqualTo("{\"payer\":\"SELF:640203*********\"}");
        assertThat(PersonalData.maskText("{\"payer\":\"APBDES:64.02.03.2007\"}")).isEqualTo("{\"payer\":\"APBDES:64.02.03.2007\"}");
        assertThat(PersonalData.maskText("{\"payer\":\"APBD:64.02\"}")).isEqualTo("{\"payer\":\"APBD:64.02\"}");
        // a whole NIK reads as every masked NIK does, in a search or a self-payer's code
        assertThat(PersonalData.maskText("{\"payer\":\"SELF:7302014107900007\",\"q\":\"6402031409740001\"}"))
                .isEqualTo("{\"payer\":\"SELF:730201********07\",\"q\":\"640203********01\"}");
    }

    @Test
    void aKeptSearchByNameOrDateKeepsTheNameAndTheYearOnly() {
        assertThat(PersonalData.maskText("{\"format\":\"csv\",\"q\":\"Siti Aminah\"}")).isEqualTo("{\"format\":\"csv\",\"q\":\"Siti Aminah\"}");
        assertThat(PersonalData.maskText("{\"q\":\"lahir 1990-05-01\"}")).isEqualTo("{\"q\":\"lahir 1990\"}");
    }

    @Test
    void anEscapedQuoteInsideTheSearchDoesNotEndItEarly() {
        assertThat(PersonalData.maskText("{\"q\":\"a\\\"b 0812345678901\",\"rows\":1}"))
                .isEqualTo("{\"q\":\"a\\\"b 081234*******\",\"rows\":1}");
    }

    @Test
    void otherMembersKeepTheirRules() {
        assertThat(PersonalData.maskText("{\"nik\":\"6402054107900001\",\"phone\":\"0812345678\",\"birthDate\":\"1990-07-01\"}"))
                .isEqualTo("{\"nik\":\"640205********01\",\"phone\":\"***\",\"birthDate\":\"1990\"}");
        assertThat(PersonalData.maskText("{\"note\":\"0812345678\"}")).isEqualTo("{\"note\":\"0812345678\"}");
    }
}
