package io.feedhandler.avro;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Avro schemas of every {@link RecordSchema}, parsed once from the {@code .avsc} files (the
 * single source of truth: {@code schemas/} in the repository, packaged into the jar under
 * {@code schemas/}), with their CRC-64-AVRO fingerprints for {@link SingleObjectEncoding}.
 *
 * <p>Loading checks that each file parses and declares the record it is named after; a bad file
 * stops the start with a message naming it.
 */
public final class RecordSchemas
{
    /** Folder of the schemas on the class path. */
    public static final String RESOURCE_FOLDER = "schemas/";

    private final Map<RecordSchema, Schema> schemas;
    private final Map<RecordSchema, String> texts;
    private final long[] fingerprints = new long[RecordSchema.values().length];

    private RecordSchemas(final Map<RecordSchema, String> texts, final String origin)
    {
        this.texts = texts;
        this.schemas = new EnumMap<>(RecordSchema.class);
        for (final RecordSchema kind : RecordSchema.values())
        {
            final Schema schema = parse(texts.get(kind), origin + kind.fileName());
            if (schema.getType() != Schema.Type.RECORD || !kind.fullName().equals(schema.getFullName()))
            {
                throw new IllegalStateException(
                    "schema " + origin + kind.fileName() + " must declare record " + kind.fullName() +
                    ", declares " + schema.getType() + " " + schema.getFullName());
            }
            schemas.put(kind, schema);
            fingerprints[kind.ordinal()] = SchemaNormalization.parsingFingerprint64(schema);
        }
    }

    /**
     * @return the schemas packaged in the jar (or on the test class path).
     * @throws IllegalStateException if one is missing or does not parse.
     */
    public static RecordSchemas fromClassPath()
    {
        final Map<RecordSchema, String> texts = new EnumMap<>(RecordSchema.class);
        for (final RecordSchema kind : RecordSchema.values())
        {
            final String resource = RESOURCE_FOLDER + kind.fileName();
            try (InputStream in = RecordSchemas.class.getClassLoader().getResourceAsStream(resource))
            {
                if (in == null)
                {
                    throw new IllegalStateException("schema " + resource + " is missing from the class path (jar)");
                }
                texts.put(kind, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException("schema " + resource + " cannot be read: " + ex.getMessage(), ex);
            }
        }
        return new RecordSchemas(texts, "classpath:" + RESOURCE_FOLDER);
    }

    /**
     * @param directory holding one {@code <RecordName>.avsc} per record kind, e.g. the repository's
     *                  {@code schemas/}.
     * @return the schemas found there.
     * @throws IOException           if a file cannot be read.
     * @throws IllegalStateException if one does not parse.
     */
    public static RecordSchemas fromDirectory(final Path directory) throws IOException
    {
        final Map<RecordSchema, String> texts = new EnumMap<>(RecordSchema.class);
        for (final RecordSchema kind : RecordSchema.values())
        {
            texts.put(kind, Files.readString(directory.resolve(kind.fileName()), StandardCharsets.UTF_8));
        }
        return new RecordSchemas(texts, directory + "/");
    }

    /**
     * @param kind a record kind.
     * @return its parsed schema.
     */
    public Schema schema(final RecordSchema kind)
    {
        return schemas.get(kind);
    }

    /**
     * @param kind a record kind.
     * @return the schema file's text as loaded (what a schema registry is given).
     */
    public String text(final RecordSchema kind)
    {
        return texts.get(kind);
    }

    /**
     * @param kind a record kind.
     * @return the CRC-64-AVRO fingerprint of its Parsing Canonical Form (docs and defaults do not
     * change it).
     */
    public long fingerprint(final RecordSchema kind)
    {
        return fingerprints[kind.ordinal()];
    }

    private static Schema parse(final String text, final String origin)
    {
        try
        {
            return new Schema.Parser().parse(text);
        }
        catch (final SchemaParseException ex)
        {
            throw new IllegalStateException("schema " + origin + " does not parse: " + ex.getMessage(), ex);
        }
    }
}
