package io.feedhandler.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointTest
{
    @TempDir
    Path directory;

    @Test
    void shouldReadBackWhatItWroteAndLeaveNoTemporaryFile() throws IOException
    {
        final Checkpoint checkpoint = new Checkpoint(directory.resolve("state/nasdaq.checkpoint"));
        final Map<String, Long> watermarks = new LinkedHashMap<>();
        watermarks.put("000010059B", 19009154L);
        watermarks.put("hex:00000000000000000000", 0L);

        checkpoint.write(watermarks);
        checkpoint.write(watermarks);

        assertEquals(watermarks, checkpoint.read());
        try (var files = Files.list(directory.resolve("state")))
        {
            assertEquals(1, files.count());
        }
    }

    @Test
    void shouldReadNothingWhenThereIsNoCheckpointYet() throws IOException
    {
        assertTrue(new Checkpoint(directory.resolve("none")).read().isEmpty());
    }

    @Test
    void shouldNameTheFileAndLineOfACorruptCheckpoint() throws IOException
    {
        final Path file = directory.resolve("bad.checkpoint");
        Files.writeString(file, "# header\nSESSION=12x\n");

        final IOException error = assertThrows(IOException.class, () -> new Checkpoint(file).read());

        assertTrue(error.getMessage().contains(file + " line 2"), error.getMessage());
    }
}
