package id.lindung.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code lindung.jar}. Without arguments it serves; otherwise it runs one command and
 * exits: 0 on success, 2 on bad arguments or bad input (with the reason on stderr), 1 on failure.
 */
@Command(name = "lindung", mixinStandardHelpOptions = true, version = "Lindung 0.1",
        description = "Jaminan sosial ketenagakerjaan untuk pekerja desa / workers' social security for village workers.",
        subcommands = {ServeCommand.class, UsersCommand.class, RegionsCommand.class, WorkforceCommand.class, QuoteCommand.class,
                WorkerCommands.Import.class, WorkerCommands.Generate.class, WorkerCommands.Nik.class,
                BillingCommand.class, PaymentsCommand.class,
                CommandLine.HelpCommand.class})
public class LindungCommandLine implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The Spring Boot application class, given by the launcher so this module does not depend on it. */
    static volatile Class<?> application;

    public static void main(Class<?> applicationClass, String[] args) {
        application = applicationClass;
        int exit = newCommandLine().execute(args.length == 0 ? new String[] {"serve"} : args);
        if (!ServeCommand.isServing()) {
            System.exit(exit);
        }
    }

    /** A command line for {@code applicationClass} that returns exit codes instead of exiting (tests). */
    public static CommandLine newCommandLine(Class<?> applicationClass) {
        application = applicationClass;
        return newCommandLine();
    }

    static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new LindungCommandLine());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            Throwable cause = rootInputError(ex);
            if (cause != null) {
                err.println("error: " + cause.getMessage());
                if (cause instanceof id.lindung.platform.InvalidInputException invalid && invalid.problems().size() > 1) {
                    invalid.problems().forEach(p -> err.println("  " + p));
                }
                err.flush();
                return CommandLine.ExitCode.USAGE;
            }
            err.println("error: " + ex.getMessage());
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cl;
    }

    /** Input errors (bad values, bad files) exit with 2 like bad arguments; anything else is a failure. */
    private static Throwable rootInputError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof id.lindung.platform.InvalidInputException || t instanceof IllegalArgumentException
                    || t instanceof id.lindung.platform.NotFoundException
                    || t instanceof java.nio.file.NoSuchFileException) {
                return t;
            }
        }
        return null;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
