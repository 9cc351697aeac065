package io.feedhandler.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code feedhandler} command line: one executable for the daemon and its operator tools.
 */
@Command(
    name = "feedhandler",
    mixinStandardHelpOptions = true,
    versionProvider = FeedHandlerCommand.Version.class,
    description = "Low-latency exchange feed handler: NASDAQ TotalView-ITCH 5.0 to Avro on Kafka.",
    subcommands = {StatsCommand.class, GenerateCommand.class, ReplayCommand.class, RunCommand.class, SimulateCommand.class,
        SchemasCommand.class, DemoCommand.class, VerifyCommand.class, CheckConfigCommand.class,
        BookCommand.class,
        CommandLine.HelpCommand.class})
public final class FeedHandlerCommand implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * @param args command line.
     */
    public static void main(final String[] args)
    {
        System.exit(execute(args));
    }

    /**
     * Run a command line without exiting the JVM (tests call this).
     *
     * @param args command line.
     * @return the exit code: 0 success, 2 bad input or usage.
     */
    public static int execute(final String... args)
    {
        return execute(new CommandLine(new FeedHandlerCommand()), args);
    }

    /**
     * Run a command line with its output captured (tests call this).
     *
     * @param out  standard output.
     * @param err  standard error.
     * @param args command line.
     * @return the exit code.
     */
    public static int execute(final PrintWriter out, final PrintWriter err, final String... args)
    {
        final CommandLine commandLine = new CommandLine(new FeedHandlerCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        return execute(commandLine, args);
    }

    private static int execute(final CommandLine commandLine, final String... args)
    {
        commandLine.setExitCodeExceptionMapper(ex -> ExitCode.BAD_INPUT);
        commandLine.setParameterExceptionHandler((ex, ignored) ->
        {
            final CommandLine failed = ex.getCommandLine();
            failed.getErr().println("feedhandler: " + ex.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exit codes of every command. */
    public static final class ExitCode
    {
        /** Done, input clean. */
        public static final int OK = 0;
        /** Bad input (malformed file, missing file): the message says where. */
        public static final int BAD_INPUT = 2;
        /** Bad command line. */
        public static final int USAGE = 2;

        private ExitCode()
        {
        }
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            final String version = FeedHandlerCommand.class.getPackage().getImplementationVersion();
            return new String[] {"feedhandler " + (version == null ? "dev" : version)};
        }
    }
}
