package io.feedhandler.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The {@code checkpoint} section: where the acked-sequence watermark files live, and how a
 * restart resumes from them.
 *
 * @param directory    holds one watermark file per session; a relative path is relative to the
 *                     process's working directory (systemd's {@code WorkingDirectory}).
 * @param rebuildBooks true: a restart takes the session again from sequence number 1, rebuilding
 *                     the order books and symbols from what the checkpoint covers without
 *                     publishing it again; false: it starts at the checkpoint + 1 with empty
 *                     books and no symbols (faster, wrong quotes and keys for earlier orders).
 */
public record CheckpointSettings(Path directory, boolean rebuildBooks)
{
    static CheckpointSettings read(final ProfileReader reader)
    {
        final String mustBe = "a directory for the acked-sequence watermark files, e.g. state";
        final String text = reader.text("checkpoint.directory", true, mustBe).orElse("state");
        try
        {
            if (text.isBlank())
            {
                throw new InvalidPathException(text, "blank");
            }
            return new CheckpointSettings(Path.of(text), reader.flag("checkpoint.rebuild-books"));
        }
        catch (final InvalidPathException ex)
        {
            reader.invalid("checkpoint.directory", "must be " + mustBe);
            return new CheckpointSettings(Path.of("state"), true);
        }
    }
}
