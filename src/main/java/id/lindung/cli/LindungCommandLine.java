package id.lindung.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code lindung.jar}. Without arguments it serves; otherwise it runs one command and
 * exits: 0 on success, 1 on failure, 2 on bad arguments or bad input (with the reason on stderr), 3 when a
 * file was processed but some of its rows were rejected (the first rejections on stderr).
 */
@Command(name = "lindung", version = "Lindung 0.1",
        description = "Jaminan sosial ketenagakerjaan untuk pekerja desa / workers' social security for village workers.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:failure (the reason on stderr)", "2:bad arguments or bad input (the reason on stderr)",
                "3:the file was processed but some rows were rejected (the first ones on stderr)"})
public class LindungCommandLine implements Runnable {

    /** Exit status of a command whose file had rejected rows: the good rows were processed, the rest listed. */
    public static final int REJECTED_ROWS = 3;
    /** How many rejections a command prints on stderr; the full list is in its JSON or rejection file. */
    static final int REJECTIONS_SHOWN = 10;

    /**
     * The top-level commands. Only the one named on the command line is built: picocli reflects over every
     * command class it is given, which costs a noticeable part of a short command's start.
     */
    private static final List<Class<?>> COMMANDS = List.of(ServeCommand.class, UsersCommand.class, RegionsCommand.class,
            WorkforceCommand.class, QuoteCommand.class, WorkerCommands.Import.class, WorkerCommands.Generate.class,
            WorkerCommands.Nik.class, BillingCommand.class, PaymentsCommand.class, BudgetCommand.class, BackupCommands.Backup.class,
            BackupCommands.Restore.class, BenchCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @CommandLine.Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    /** The Spring Boot application class, given by the launcher so this module does not depend on it. */
    static volatile Class<?> application;

    public static void main(Class<?> applicationClass, String[] args) {
        application = applicationClass;
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        if (!effective[0].equals("serve")) {
            // a command's context lives for seconds: warming up converters and validators on a second thread only costs CPU
            System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        }
        int exit = newCommandLine(effective).execute(effective);
        if (!ServeCommand.isServing()) {
            System.exit(exit);
        }
    }

    /** A command line for {@code applicationClass} that returns exit codes instead of exiting (tests). */
    public static CommandLine newCommandLine(Class<?> applicationClass) {
        application = applicationClass;
        return newCommandLine(new String[0]);
    }

    /** A command line for {@code applicationClass} that knows only the command {@code args} name, if any (tests). */
    public static CommandLine newCommandLine(Class<?> applicationClass, String... args) {
        application = applicationClass;
        return newCommandLine(args);
    }

    /**
     * The command line with every command, or only the one {@code args} starts with when that names a command
     * (options, help and unknown names get every command, so usage and suggestions stay complete).
     */
    static CommandLine newCommandLine(String[] args) {
        CommandLine cl = new CommandLine(new LindungCommandLine());
        String first = args.length == 0 ? null : args[0];
        Class<?> named = first == null || first.equals("help") ? null : COMMANDS.stream()
                .filter(c -> first.equals(c.getAnnotation(Command.class).name())).findFirst().orElse(null);
        for (Class<?> command : named == null ? COMMANDS : List.of(named)) {
            cl.addSubcommand(command.getAnnotation(Command.class).name(), command);
        }
        withHelp(cl);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = cl.getErr(); // the root's: it is the one a caller redirects
            Throwable cause = rootInputError(ex);
            if (cause != null) {
                err.println("error: " + cause.getMessage());
                if (cause instanceof id.lindung.platform.InvalidInputException invalid && invalid.problems().size() > 1) {
                    invalid.problems().forEach(p -> err.println("  " + p));
                }
                err.flush();
                return CommandLine.ExitCode.USAGE;
            }
            java.sql.SQLException sql = sqlCause(ex);
            if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                // a value the database cannot hold (a NUL byte, a number out of range): bad input, said without the SQL
                err.println("error: the input holds a value that cannot be stored (a NUL or control character, or a number "
                        + "out of range)");
                err.flush();
                return CommandLine.ExitCode.USAGE;
            }
            // "see the log" must hold: the statement and the database's message are written there, never on the terminal
            org.slf4j.LoggerFactory.getLogger(LindungCommandLine.class).error("Command {} failed", parseResult.originalArgs(), ex);
            err.println("error: " + (sql != null ? "the database refused the command (" + sql.getSQLState() + "); see the log"
                    : ex.getMessage()));
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cl;
    }

    /**
     * {@code --help} on every command and subcommand ({@code bench --help}, {@code users create -h}): it printed the usage
     * on stderr with "Missing required option" and exit 2, and only {@code help bench} answered. Added here, so a new
     * command has it without repeating it; {@code --version} stays the top level's, since {@code regions import} has its
     * own, and {@code help} keeps its own {@code -h}.
     */
    private static void withHelp(CommandLine command) {
        var spec = command.getCommandSpec();
        if (spec.findOption("--help") == null && spec.findOption("-h") == null) {
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        command.getSubcommands().values().forEach(LindungCommandLine::withHelp);
    }

    private static java.sql.SQLException sqlCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** Input errors (bad values, bad files, a user who may not do it: {@code --as monitor.nasional}) exit with 2 like bad arguments; anything else is a failure. */
    private static Throwable rootInputError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof id.lindung.platform.InvalidInputException || t instanceof IllegalArgumentException
                    || t instanceof id.lindung.platform.NotFoundException
                    || t instanceof org.springframework.security.access.AccessDeniedException
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
