package io.feedhandler.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The acked-sequence watermark per stream, on disk: one small text file per exchange, replaced
 * atomically (write a temporary file, then rename) so a crash leaves either the old or the new
 * content, never half of one.
 *
 * <pre>
 * # feedhandler checkpoint: stream = last sequence number acknowledged by Kafka
 * 000010059B=19009154
 * 12302019=1000
 * </pre>
 *
 * <p>The streams the last process published are written last, so the last line is the session a
 * restart resumes (see {@code PublishingPipeline#resumePoint()}).
 */
public final class Checkpoint
{
    private static final String HEADER = "# feedhandler checkpoint: stream = last sequence number acknowledged by Kafka\n";

    private final Path file;

    /** @param file the checkpoint file (its directory is created when first written). */
    public Checkpoint(final Path file)
    {
        this.file = file;
    }

    /** @return the file. */
    public Path file()
    {
        return file;
    }

    /**
     * @return watermark per stream name; empty if there is no checkpoint yet.
     * @throws IOException if the file exists but cannot be read, or is not a checkpoint (the
     *                     message names the file and line).
     */
    public Map<String, Long> read() throws IOException
    {
        final Map<String, Long> watermarks = new LinkedHashMap<>();
        final java.util.List<String> lines;
        try
        {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (final NoSuchFileException ex)
        {
            return watermarks;
        }
        int number = 0;
        for (final String line : lines)
        {
            number++;
            if (line.isBlank() || line.startsWith("#"))
            {
                continue;
            }
            final int equals = line.lastIndexOf('=');
            try
            {
                watermarks.put(line.substring(0, equals), Long.parseLong(line.substring(equals + 1).strip()));
            }
            catch (final RuntimeException ex)
            {
                throw new IOException("checkpoint " + file + " line " + number + ": expected 'stream=sequence', got '" + line + "'");
            }
        }
        return watermarks;
    }

    /**
     * Replace the checkpoint.
     *
     * @param watermarks per stream name.
     * @throws IOException if it cannot be written.
     */
    public void write(final Map<String, Long> watermarks) throws IOException
    {
        final StringBuilder text = new StringBuilder(HEADER);
        watermarks.forEach((stream, sequence) -> text.append(stream).append('=').append(sequence).append('\n'));
        final Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        final Path temporary = directory.resolve(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try
        {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final AtomicMoveNotSupportedException ex)
        {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
