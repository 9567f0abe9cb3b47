package id.lindung;

import id.lindung.cli.LindungCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Lindung: BPJS Ketenagakerjaan coverage for village workers.
 *
 * <p>The jar is both the server and the command-line tool; {@link LindungCommandLine} decides which,
 * so that {@code java -jar lindung.jar} with no arguments starts the server.
 */
@SpringBootApplication
public class LindungApplication {

    public static void main(String[] args) {
        LindungCommandLine.main(LindungApplication.class, args);
    }
}
