package io.feedhandler.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code feedhandler stats FILE...}: what is in a capture, is it complete, where does it break. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Print one JSON object per file: messages by type, MoldUDP64 sessions and gaps, defects.")
public final class StatsCommand implements Callable<Integer>
{
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "BinaryFILE (.gz too), pcap or pcapng capture.")
    private List<Path> files;

    @Override
    public Integer call()
    {
        return FeedHandlerCommand.ExitCode.OK;
    }
}
