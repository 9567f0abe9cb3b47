package id.lindung.platform;

import java.io.PrintStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Prints one line on standard output once the server is ready (after the demo data): where to open Lindung
 * and, with demo data, how to sign in. A newcomer reading the console should not have to search the log for
 * the port. Command-line runs have no web server and print nothing.
 */
@Component
class StartupAnnouncement {

    private final ObjectProvider<SignInHint> hints;

    StartupAnnouncement(ObjectProvider<SignInHint> hints) {
        this.hints = hints;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void announce(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            print(System.out, line(web.getWebServer().getPort(), hints.getIfAvailable()));
        }
    }

    static String line(int port, SignInHint hint) {
        String url = "http://localhost:" + port;
        return hint == null || hint.text() == null
                ? "Lindung siap / ready: " + url
                : "Lindung siap / ready: " + url + "  (masuk / sign in: " + hint.text() + ")";
    }

    private static void print(PrintStream out, String line) {
        out.println(line);
        out.flush();
    }
}
