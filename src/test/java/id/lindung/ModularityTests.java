package id.lindung;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(LindungApplication.class).verify();
    }
}
