package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartupAnnouncementTests {

    @Test
    void namesTheUrlAndTheDemoSignInWhenThereIsOne() {
        assertThat(StartupAnnouncement.line(8080, () -> "admin / lindung-demo"))
                .isEqualTo("Lindung siap / ready: http://localhost:8080  (masuk / sign in: admin / lindung-demo)");
    }

    @Test
    void namesOnlyTheUrlWithoutDemoData() {
        assertThat(StartupAnnouncement.line(9090, null)).isEqualTo("Lindung siap / ready: http://localhost:9090");
        assertThat(StartupAnnouncement.line(9090, () -> null)).isEqualTo("Lindung siap / ready: http://localhost:9090");
    }
}
