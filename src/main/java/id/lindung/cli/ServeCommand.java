package id.lindung.cli;

import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", description = "Start the web server and API (the default command).")
class ServeCommand implements Callable<Integer> {

    private static volatile boolean serving;

    /** Spring options such as --server.port=9090 are passed through. */
    @Unmatched
    String[] springArgs = new String[0];

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        SpringApplication app = new SpringApplication(LindungCommandLine.application);
        app.setAdditionalProfiles("serve");
        app.run(springArgs);
        serving = true;
        return 0;
    }
}
