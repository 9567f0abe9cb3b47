package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PayerRefTests {

    static final String VILLAGE = "64.02.03.2007";
    static final String NIK = "6402031708850001";

    @Test
    void anEmployerNamedByNameIsTheOneOfThatNameInTheWorkersVillage() {
        PayerRef here = PayerRef.parse("EMPLOYER: CV  Maju   Jaya ", VILLAGE, NIK);
        assertThat(here.code()).isEqualTo("EMPLOYER:64.02.03.2007:CV MAJU JAYA");
        assertThat(here.name()).isEqualTo("CV Maju Jaya");
        assertThat(here.regionCode()).isEqualTo(VILLAGE);
        assertThat(PayerRef.parse("employer:cv maju jaya", "64.02.03.2008", NIK).code())
                .isEqualTo("EMPLOYER:64.02.03.2008:CV MAJU JAYA");
        assertThat(PayerRef.parse("DONOR:CSR Bank Kaltim", VILLAGE, NIK).code()).isEqualTo("DONOR:64.02.03.2007:CSR BANK KALTIM");
    }

    @Test
    void aFullCodeNamesAnEmployerOfTheVillageOrOfAnAreaAboveIt() {
        PayerRef regency = PayerRef.parse("EMPLOYER:64.02:PT Sawit Makmur", VILLAGE, NIK);
        assertThat(regency.code()).isEqualTo("EMPLOYER:64.02:PT SAWIT MAKMUR");
        assertThat(regency.regionCode()).isEqualTo("64.02");
        assertThat(PayerRef.parse(regency.code(), VILLAGE, NIK)).isEqualTo(new PayerRef(PayerCode.parse(regency.code()),
                "PT SAWIT MAKMUR", "64.02"));
        assertThat(PayerRef.parse("EMPLOYER:64.02.03.2007:CV MAJU JAYA", VILLAGE, NIK).code())
                .isEqualTo("EMPLOYER:64.02.03.2007:CV MAJU JAYA");
        assertThatThrownBy(() -> PayerRef.parse("EMPLOYER:64.02.03.2008:CV MAJU JAYA", VILLAGE, NIK))
                .hasMessageContaining("not the worker's village");
        assertThatThrownBy(() -> PayerRef.parse("EMPLOYER:73.02:PT Lain", VILLAGE, NIK)).hasMessageContaining("73.02");
    }

    @Test
    void aNameNeedsTextAndNoColon() {
        assertThatThrownBy(() -> PayerRef.parse("EMPLOYER:", VILLAGE, NIK)).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> PayerRef.parse("EMPLOYER: / ", VILLAGE, NIK)).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> PayerRef.parse("EMPLOYER:PT A: Cabang", VILLAGE, NIK)).hasMessageContaining("':'");
        assertThatThrownBy(() -> PayerRef.parse("EMPLOYER:" + "x".repeat(121), VILLAGE, NIK)).hasMessageContaining("120");
    }

    @Test
    void theNameKeyKeepsCodesUsableInAUrlPathAndASemicolonList() {
        assertThat(PayerCode.nameKey("Koperasi Tani/Nelayan; Unit 2 ")).isEqualTo("KOPERASI TANI NELAYAN UNIT 2");
        assertThat(PayerCode.nameKey("CV\u00A0Maju\tJaya 100%?#")).isEqualTo("CV MAJU JAYA 100");
        assertThat(PayerCode.nameKey("a\\b")).isEqualTo("A B");
    }

    @Test
    void governmentAndSelfPayersKeepTheirCodes() {
        assertThat(PayerRef.parse("APBDES", VILLAGE, NIK).code()).isEqualTo("APBDES:" + VILLAGE);
        assertThat(PayerRef.parse("APBD:64.02", VILLAGE, NIK).code()).isEqualTo("APBD:64.02");
        assertThat(PayerRef.parse("mandiri", VILLAGE, NIK).code()).isEqualTo("SELF:" + NIK);
        assertThat(PayerRef.parse("SELF", VILLAGE, NIK).canEmploy()).isFalse();
    }
}
