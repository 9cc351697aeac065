package io.feedhandler.app;

import io.feedhandler.transport.file.FeedFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code feedhandler stats FILE...}: what is in a capture, is it complete, where does it break.
 *
 * <p>Prints one JSON object per file on stdout. A defect in a file does not stop the count: the
 * report holds everything decoded, and one line on stderr names the file, byte offset and reason.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = {
        "Print one JSON object per file: ITCH 5.0 messages by type, MoldUDP64 sessions, sequence ranges and gaps, defects.",
        "Formats (detected from content): NASDAQ BinaryFILE, the same gzip-compressed, pcap and pcapng captures of MoldUDP64.",
        "Exit status: 0 every file clean, 2 a file is malformed, missing or unreadable."})
public final class StatsCommand implements Callable<Integer>
{
    private static final int RECORDS_PER_POLL = 1 << 16;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "BinaryFILE (.gz too), pcap or pcapng capture.")
    private List<Path> files;

    @Mixin
    private ProgressOption progress;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final boolean showProgress = progress.show();
        int exitCode = FeedHandlerCommand.ExitCode.OK;
        for (final Path file : files)
        {
            if (!stats(file, out, err, showProgress))
            {
                exitCode = FeedHandlerCommand.ExitCode.BAD_INPUT;
            }
        }
        out.flush();
        return exitCode;
    }

    private static boolean stats(final Path file, final PrintWriter out, final PrintWriter err, final boolean showProgress)
    {
        if (Files.isDirectory(file))
        {
            err.println("stats: " + file + ": is a directory, not a feed file");
            return false;
        }
        final FileStatistics statistics = new FileStatistics();
        try (FeedFile feedFile = FeedFile.open(file, statistics))
        {
            final ProgressBar bar = showProgress ?
                new ProgressBar(System.err, System::nanoTime, file.getFileName().toString(), feedFile.size()) : null;
            while (feedFile.poll(RECORDS_PER_POLL))
            {
                if (bar != null)
                {
                    bar.update(feedFile.bytesRead(), statistics.messages());
                }
            }
            if (bar != null)
            {
                bar.finish();
            }
            out.println(statistics.toJson(file.toString(), feedFile.format().displayName(), feedFile.size()));
            out.flush();
        }
        catch (final NoSuchFileException ex)
        {
            err.println("stats: " + file + ": no such file");
            return false;
        }
        catch (final AccessDeniedException ex)
        {
            err.println("stats: " + file + ": permission denied");
            return false;
        }
        catch (final IOException ex)
        {
            err.println("stats: " + file + ": read failed: " + ex.getMessage());
            return false;
        }
        if (statistics.defectCount() > 0)
        {
            final FileStatistics.Defect first = statistics.defects().get(0);
            final long more = statistics.defectCount() - 1;
            err.println("stats: " + file + " offset " + first.offset() + ": " + first.reason() +
                (more > 0 ? " (and " + more + " more defect" + (more > 1 ? "s" : "") + ", see \"errors\")" : ""));
            return false;
        }
        return true;
    }
}
