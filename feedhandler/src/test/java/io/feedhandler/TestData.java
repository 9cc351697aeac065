package io.feedhandler;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real exchange files under {@code src/test/resources/data} and the facts about them in
 * {@code manifest.json}, computed by an independent parser: tests compare against these.
 */
public final class TestData
{
    private static final Config MANIFEST = ConfigFactory.parseFile(path("manifest.json").toFile());

    private TestData()
    {
    }

    /**
     * @param relative path under the data folder, e.g. {@code itch50/bekele-sample.itch50}.
     * @return the file; fails the test if it is missing (never skips).
     */
    public static Path path(final String relative)
    {
        final URL url = TestData.class.getClassLoader().getResource("data/" + relative);
        if (url == null)
        {
            throw new AssertionError("test data file missing from test resources: data/" + relative);
        }
        try
        {
            final Path path = Path.of(url.toURI());
            if (!Files.isRegularFile(path))
            {
                throw new AssertionError("not a file: " + path);
            }
            return path;
        }
        catch (final URISyntaxException ex)
        {
            throw new AssertionError(ex);
        }
    }

    /** @return every file entry of the manifest. */
    public static List<? extends Config> manifestFiles()
    {
        return MANIFEST.getConfigList("files");
    }

    /**
     * @param relative path under the data folder.
     * @return its manifest entry.
     */
    public static Config manifestEntry(final String relative)
    {
        return manifestFiles().stream()
            .filter(entry -> entry.getString("path").equals(relative))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no manifest entry for " + relative));
    }

    /**
     * @param entry a manifest file entry (or any config with a {@code types} object).
     * @return its per-type message counts, sorted by type.
     */
    public static Map<String, Long> types(final Config entry)
    {
        final Map<String, Long> types = new TreeMap<>();
        entry.getObject("types").unwrapped().forEach((type, count) -> types.put(type, ((Number)count).longValue()));
        return types;
    }
}
