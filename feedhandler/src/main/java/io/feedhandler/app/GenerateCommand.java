package io.feedhandler.app;

import io.feedhandler.sim.SyntheticMarket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

/**
 * {@code feedhandler generate}: writes a synthetic but realistic ITCH 5.0 day as BinaryFILE, for
 * load tests, benchmarks and trying a deployment without an exchange.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Write a seeded, synthetic ITCH 5.0 day as NASDAQ BinaryFILE (gzip-compressed if the name ends in .gz).",
        "Order references stay consistent: executions, cancels, deletes and replaces refer to live orders."})
public final class GenerateCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "File to write (replaced if it exists).")
    private Path output;

    @Option(names = "--messages", defaultValue = "1000000", paramLabel = "N",
        description = "Messages in the day, directory and system events included. Default: ${DEFAULT-VALUE}.")
    private long messages;

    @Option(names = "--symbols", defaultValue = "500", paramLabel = "N", description = "Securities (stock locates 1..N). Default: ${DEFAULT-VALUE}.")
    private int symbols;

    @Option(names = "--seed", defaultValue = "20191230", description = "Seed: the same seed gives the same bytes. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Mixin
    private ProgressOption progress;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        if (symbols < 1 || symbols > 65535)
        {
            err.println("generate: --symbols must be 1..65535 (stock locates are 16-bit), got " + symbols);
            return FeedHandlerCommand.ExitCode.USAGE;
        }
        final long minimum = SyntheticMarket.scheduledMessages(symbols);
        if (messages < minimum)
        {
            err.println("generate: --messages must be at least " + minimum + " for " + symbols +
                " symbols (system events and the stock directory alone take that many), got " + messages);
            return FeedHandlerCommand.ExitCode.USAGE;
        }
        final SyntheticMarket market = new SyntheticMarket(seed, symbols, messages);
        final ProgressBar bar = progress.show() ?
            new ProgressBar(System.err, System::nanoTime, output.getFileName().toString(), messages, ProgressBar.Unit.MESSAGES) :
            null;
        final boolean gzip = output.getFileName().toString().endsWith(".gz");
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
            OutputStream compressed = gzip ? new GZIPOutputStream(file, 1 << 16) : file;
            OutputStream out = new FilterOutputStream(compressed)
            {
                @Override
                public void write(final byte[] b, final int off, final int len) throws IOException
                {
                    compressed.write(b, off, len);
                    if (bar != null)
                    {
                        bar.update(market.messagesWritten(), market.messagesWritten());
                    }
                }
            })
        {
            final long written = SyntheticMarket.writeBinaryFile(market, out);
            out.flush();
            if (bar != null)
            {
                bar.finish();
            }
            spec.commandLine().getOut().println(new Json().beginObject()
                .field("file", output.toString())
                .field("format", gzip ? "itch50-binaryfile-gzip" : "itch50-binaryfile")
                .field("messages", written)
                .field("symbols", symbols)
                .field("seed", seed)
                .endObject());
            return FeedHandlerCommand.ExitCode.OK;
        }
        catch (final IOException ex)
        {
            err.println("generate: " + output + ": cannot write: " + ex.getMessage());
            return FeedHandlerCommand.ExitCode.BAD_INPUT;
        }
    }
}
