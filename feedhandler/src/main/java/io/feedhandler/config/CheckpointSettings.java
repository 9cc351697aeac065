package io.feedhandler.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The {@code checkpoint} section: where the acked-sequence watermark files live.
 *
 * @param directory holds one watermark file per session; a relative path is relative to the
 *                  process's working directory (systemd's {@code WorkingDirectory}).
 */
public record CheckpointSettings(Path directory)
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
            return new CheckpointSettings(Path.of(text));
        }
        catch (final InvalidPathException ex)
        {
            reader.invalid("checkpoint.directory", "must be " + mustBe);
            return new CheckpointSettings(Path.of("state"));
        }
    }
}
