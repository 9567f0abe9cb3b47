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
        assertThat(PersonalData.maskText("{\"kind\":\"APBDES\",\"month\":\"2026-01\",\"amount\":12345678901}"))
                .as("amounts, months and codes are no typed text").isEqualTo("{\"kind\":\"APBDES\",\"month\":\"2026-01\",\"amount\":12345678901}");
    }

    /**
     * What a person typed into a reason or a reference reads as on the claim's page: the attacker review found a phone,
     * a bank account and a spaced NIK with its birth date whole in the audit trail and on the claim itself.
     */
    @Test
    void typedTextInAnAuditEntryIsMaskedAsTheClaimPageMasksIt() {
        assertThat(PersonalData.maskText("{\"reason\":\"HP 081234567890, rek BRI 012345678901234\"}"))
                .isEqualTo("{\"reason\":\"HP 081234****90, rek BRI 012345*******34\"}");
        assertThat(PersonalData.maskText("{\"reference\":\"transfer ke 0812-3456-7890\",\"note\":\"0812345678\"}"))
                .isEqualTo("{\"reference\":\"transfer ke 0812-34**-**90\",\"note\":\"081234**78\"}");
    }

    @Test
    void aSpacedNikAndADayMonthYearDateInTypedTextShowTheDistrictAndTheYearOnly() {
        assertThat(PersonalData.maskTyped("ahli waris NIK 6402 1347 0460 0001 lahir 07-04-1960"))
                .isEqualTo("ahli waris NIK 6402 13** **** **01 lahir 1960");
        assertThat(PersonalData.maskTyped("lahir 7/4/1960, 1960-04-07")).isEqualTo("lahir 1960, 1960");
        assertThat(PersonalData.maskTyped("Rp 1 500 000 pada 2026")).as("fewer than ten digits stay").isEqualTo("Rp 1 500 000 pada 2026");
    }

    @Test
    void aVillageCodeInTypedTextIsNoDateAndStaysWhole() {
        assertThat(PersonalData.maskTyped("Desa 64.02.99.9999 di luar wilayah pembayar (64.02.03.2007)"))
                .isEqualTo("Desa 64.02.99.9999 di luar wilayah pembayar (64.02.03.2007)");
        assertThat(PersonalData.maskTyped("lahir 07.04.1960.")).as("a date before a full stop").isEqualTo("lahir 1960.");
        assertThat(PersonalData.maskTyped("lahir 7.4.1960, desa 64.02")).isEqualTo("lahir 1960, desa 64.02");
    }

    @Test
    void aLocalRegulationsTypedNumberTitleAndCounterpartyAreMaskedInAnAuditEntryAsOnItsPage() {
        assertThat(PersonalData.maskText("{\"number\":\"1 Tahun 2024\",\"title\":\"MoU NIK 6402 0314 0974 0001\","
                + "\"counterparty\":\"Kepala Desa Budi, NIK 6402 0314 0974 0001\"}"))
                .isEqualTo("{\"number\":\"1 Tahun 2024\",\"title\":\"MoU NIK 6402 03** **** **01\","
                        + "\"counterparty\":\"Kepala Desa Budi, NIK 6402 03** **** **01\"}");
    }
}
