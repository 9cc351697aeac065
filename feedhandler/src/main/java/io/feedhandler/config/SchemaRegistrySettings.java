package io.feedhandler.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code schema-registry} section.
 *
 * @param url a Confluent-compatible schema registry, e.g. {@code http://registry:8081}; empty for
 *            none: records are then written in Avro single-object encoding instead of Confluent
 *            framing.
 */
public record SchemaRegistrySettings(Optional<URI> url)
{
    /** What {@code schema-registry.url} (or {@code SCHEMA_REGISTRY_URL}) says for "no registry". */
    public static final String NONE = "none";

    /** @return whether records are framed with registry schema ids. */
    public boolean enabled()
    {
        return url.isPresent();
    }

    static SchemaRegistrySettings read(final ProfileReader reader)
    {
        final String mustBe = "'" + NONE + "' or an http(s) URL such as http://registry:8081";
        final Optional<String> text = reader.text("schema-registry.url", true, mustBe);
        if (text.isEmpty() || text.get().equals(NONE))
        {
            return new SchemaRegistrySettings(Optional.empty());
        }
        try
        {
            final URI uri = new URI(text.get());
            final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null)
            {
                return new SchemaRegistrySettings(Optional.of(uri));
            }
        }
        catch (final URISyntaxException ex)
        {
            // reported below, with the value and where it came from
        }
        reader.invalid("schema-registry.url", "must be " + mustBe);
        return new SchemaRegistrySettings(Optional.empty());
    }
}
