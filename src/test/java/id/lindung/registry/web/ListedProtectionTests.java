package id.lindung.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.registry.web.ListedProtection.Part;
import id.lindung.shared.Programme;
import id.lindung.shared.ProtectionStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListedProtectionTests {

    @Test
    void jkkAndJkmAgreeingShowOneStatusAndJhtIsNotPartOfIt() {
        var listed = ListedProtection.of(Map.of(1L, Map.of(Programme.JKK, ProtectionStatus.LAPSED,
                Programme.JKM, ProtectionStatus.LAPSED, Programme.JHT, ProtectionStatus.PROTECTED)));
        assertThat(listed.get(1L).parts()).containsExactly(new Part(null, ProtectionStatus.LAPSED));
    }

    @Test
    void programmesThatDisagreeAreEachShownNeverACombinedStatus() {
        var listed = ListedProtection.of(Map.of(1L, Map.of(Programme.JKM, ProtectionStatus.ENDED,
                Programme.JKK, ProtectionStatus.PROTECTED)));
        assertThat(listed.get(1L).parts()).containsExactly(new Part(Programme.JKK, ProtectionStatus.PROTECTED),
                new Part(Programme.JKM, ProtectionStatus.ENDED));
    }

    @Test
    void aWorkerWithoutJkkOrJkmHasNoStatus() {
        assertThat(ListedProtection.of(Map.of(1L, Map.of(Programme.JHT, ProtectionStatus.PROTECTED)))).isEmpty();
    }

    @Test
    void onlyAProtectedStatusIsShownWithoutWarningColour() {
        assertThat(new Part(null, ProtectionStatus.PROTECTED).badge()).isEmpty();
        assertThat(new Part(null, ProtectionStatus.IN_GRACE).badge()).isEqualTo("warn");
        assertThat(new Part(null, ProtectionStatus.LAPSED).badge()).isEqualTo("bad");
        assertThat(new Part(null, ProtectionStatus.ENDED).badge()).isEqualTo("bad");
    }
}
