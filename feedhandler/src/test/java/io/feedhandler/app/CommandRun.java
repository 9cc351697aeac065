package io.feedhandler.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line in-process, as a user types it: its exit status and what it wrote.
 *
 * @param exitCode the status {@code main} would exit with.
 * @param out      what went to stdout.
 * @param err      what went to stderr.
 */
record CommandRun(int exitCode, String out, String err)
{
    /**
     * @param args the command line after {@code feedhandler}.
     * @return what happened.
     */
    static CommandRun of(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = FeedHandlerCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
