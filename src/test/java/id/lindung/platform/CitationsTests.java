package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.regulation.DatedValue;
import id.lindung.regulation.RegulationCatalog;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class CitationsTests {

    static final Locale ID = Locale.forLanguageTag("id");
    static final Citations CITATIONS = new Citations(messages());

    /** The bundles as the application reads them (spring.messages.basename). */
    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages", "i18n/regulation", "i18n/registry", "i18n/importing", "i18n/billing");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    static Set<String> regulations() {
        Set<String> all = new TreeSet<>();
        RegulationCatalog.loadBundled().parameters().forEach(p -> p.values().stream().map(DatedValue::reference)
                .forEach(r -> all.add(r.regulation())));
        all.add("Projection: PP 45/2015");
        return all;
    }

    @Test
    void everyRegulationOfTheDataReadsInIndonesianWithoutEnglishWords() {
        // the English words the data joins its regulations with; none may be left in an Indonesian document
        var english = java.util.regex.Pattern.compile(
                "\\b(as|amended|by|per|not|a|the|of|pending|letter|notification|practice|convention|billing|start|FAQ|Projection)\\b|\\bp\\.\\d");
        for (String regulation : regulations()) {
            String indonesian = CITATIONS.regulation(regulation, ID);
            assertThat(english.matcher(indonesian).find()).as(regulation + " -> " + indonesian).isFalse();
        }
    }

    @Test
    void anEnglishReaderReadsTheRegulationsAsTheDataWritesThem() {
        for (String regulation : regulations()) {
            assertThat(CITATIONS.regulation(regulation, Locale.ENGLISH)).isEqualTo(regulation);
        }
    }

    @Test
    void aCitationNamesTheRegulationInTheReadersLanguageThenItsArticleAndSources() {
        assertThat(CITATIONS.citation("PP 44/2015 as amended by PP 82/2019", "Pasal 34", List.of("S74"), ID))
                .isEqualTo("PP 44/2015 sebagaimana diubah dengan PP 82/2019 Pasal 34 [S74]");
        assertThat(CITATIONS.regulation("Perdir 22/PERDIR.02/072022 (Probis Kepesertaan p.59)", ID))
                .isEqualTo("Perdir 22/PERDIR.02/072022 (Probis Kepesertaan hlm. 59)");
        assertThat(CITATIONS.regulation("PP 45/2015 Pasal 29; BPJS letter B/77/022023", ID))
                .isEqualTo("PP 45/2015 Pasal 29; surat BPJS B/77/022023");
        assertThat(CITATIONS.citation("PP 45/2015", null, List.of(), Locale.ENGLISH)).isEqualTo("PP 45/2015");
    }
}
