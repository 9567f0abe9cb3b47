package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class PayerCodeTests {

    @ParameterizedTest(name = "{0} is a {1} code of region {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            APBDES:64.02.03.2007                  | APBDES   | 64.02.03.2007
            APBD:64.02                            | APBD     | 64.02
            APBD:64                               | APBD     | 64
            SELF:6402031708850001                 | SELF     | -
            EMPLOYER:64.02.03.2007:CV MAJU JAYA   | EMPLOYER | 64.02.03.2007
            EMPLOYER:64.02:PT SAWIT MAKMUR        | EMPLOYER | 64.02
            EMPLOYER:64:PT KALTIM 100.            | EMPLOYER | 64
            DONOR:64.02.03:CSR BANK KALTIM        | DONOR    | 64.02.03
            EMPLOYER:64.02.03.2007:CV MAJU JAYA#17| EMPLOYER | 64.02.03.2007
            EMPLOYER:LDI-TEKSTIL                  | EMPLOYER | -
            DONOR:CSR BANK KALTIM                 | DONOR    | -
            """)
    void aValidCodeParsesAndPrintsAsWritten(String text, PayerKind kind, String region) {
        PayerCode code = PayerCode.parse(text);
        assertThat(code.kind()).isEqualTo(kind);
        assertThat(code.region().orElse(null)).isEqualTo(region);
        assertThat(code.toString()).isEqualTo(text);
        assertThat(code.value()).isEqualTo(text);
        assertThat(PayerCode.parse("  " + text + " ")).isEqualTo(code);
    }

    @ParameterizedTest(name = "''{0}'' is not a payer code")
    @CsvSource(delimiter = '|', nullValues = "-", emptyValue = "", textBlock = """
            -
            ''
            APBDES
            APBDES:
            APBDES:64.02                      # a regency is not a desa
            APBDES:64.02.03.2007.1
            apbdes:64.02.03.2007              # the kind is upper case
            APBD:
            APBD:64.02.03                     # a district has no APBD
            APBD:6402
            SELF:
            SELF:640203170885000              # 15 digits
            SELF:64020317088500012            # 17 digits
            SELF:64O2031708850001
            EMPLOYER:64.02.03.2007:
            EMPLOYER:64.02.03.2007:cv maju jaya
            EMPLOYER:64.02.03.2007:CV  MAJU JAYA
            EMPLOYER:64.02.03.2007:CV MAJU/JAYA
            EMPLOYER:64.02.03.2007:PT A: CABANG
            EMPLOYER:ID:CV MAJU JAYA
            DONOR:64.02.03.2007:#17
            EMPLOYER:cv maju jaya             # an old code is in upper case too
            EMPLOYER:CV MAJU/JAYA
            MANDIRI:6402031708850001
            PAYER:64.02
            """)
    void anInvalidCodeIsRefused(String text) {
        String code = text == null ? null : text.replaceAll("\\s+#.*$", "");
        assertThatThrownBy(() -> PayerCode.parse(code)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PayerCode.tryParse(code)).isEmpty();
    }

    @Test
    void aNameTooLongForTheRegisterIsRefused() {
        assertThat(PayerCode.parse("DONOR:64:" + "X".repeat(PayerCode.MAX_NAME)).kind()).isEqualTo(PayerKind.DONOR);
        assertThatThrownBy(() -> PayerCode.parse("DONOR:64:" + "X".repeat(PayerCode.MAX_NAME + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PayerCode.registered(PayerKind.DONOR, "64", "x".repeat(PayerCode.MAX_NAME + 1)))
                .hasMessageContaining("120");
    }

    @Test
    void theFactoriesMakeTheCodesTheParserReads() {
        assertThat(PayerCode.apbdes("64.02.03.2007")).isEqualTo(PayerCode.parse("APBDES:64.02.03.2007"));
        assertThat(PayerCode.apbd("64")).isEqualTo(PayerCode.parse("APBD:64"));
        assertThat(PayerCode.self("6402031708850001")).isEqualTo(PayerCode.parse("SELF:6402031708850001"));
        assertThat(PayerCode.registered(PayerKind.EMPLOYER, "64.02.03.2007", " CV  Maju/Jaya "))
                .isEqualTo(PayerCode.parse("EMPLOYER:64.02.03.2007:CV MAJU JAYA"));
        assertThatThrownBy(() -> PayerCode.registered(PayerKind.APBD, "64", "Kaltim")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PayerCode.registered(PayerKind.EMPLOYER, "64.02.03.2007", "PT A: Cabang"))
                .hasMessageContaining("':'");
    }

    @Test
    void jsonCarriesTheCodeAsText() {
        JsonMapper json = JsonMapper.builder().build();
        PayerCode code = PayerCode.parse("EMPLOYER:64.02:PT SAWIT MAKMUR");
        assertThat(json.writeValueAsString(code)).isEqualTo("\"EMPLOYER:64.02:PT SAWIT MAKMUR\"");
        assertThat(json.readValue("\"EMPLOYER:64.02:PT SAWIT MAKMUR\"", PayerCode.class)).isEqualTo(code);
    }

    @Test
    void aPayerRefIsWrittenToTheAuditTrailAsBefore() {
        JsonMapper json = JsonMapper.builder().build();
        PayerRef ref = PayerRef.parse("EMPLOYER:CV Maju Jaya", "64.02.03.2007", "6402031708850001");
        assertThat(json.writeValueAsString(ref)).isEqualTo("{\"code\":\"EMPLOYER:64.02.03.2007:CV MAJU JAYA\","
                + "\"kind\":\"EMPLOYER\",\"name\":\"CV Maju Jaya\",\"regionCode\":\"64.02.03.2007\"}");
    }

    @Test
    void aCodeTypedToFindAPayerIsReadInAnyCaseWhileABodysCodeIsReadAsWritten() {
        assertThat(PayerCode.tryRead(" apbdes:64.02.03.2007 ")).contains(PayerCode.parse("APBDES:64.02.03.2007"));
        assertThat(PayerCode.tryRead("employer:64.02:cv maju jaya")).contains(PayerCode.parse("EMPLOYER:64.02:CV MAJU JAYA"));
        assertThat(PayerCode.tryRead("FOO:1")).isEmpty();
        assertThat(PayerCode.tryRead(null)).isEmpty();
        assertThat(PayerCode.tryParse("apbdes:64.02.03.2007")).isEmpty();
    }
}
