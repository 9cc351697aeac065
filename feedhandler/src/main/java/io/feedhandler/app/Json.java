package io.feedhandler.app;

/**
 * A minimal JSON text builder for command output (one object per line, keys in a fixed order).
 * Not for the hot path: it appends to a {@link StringBuilder}.
 */
final class Json
{
    private final StringBuilder out = new StringBuilder(256);
    private boolean needComma;

    Json beginObject()
    {
        comma();
        out.append('{');
        needComma = false;
        return this;
    }

    Json endObject()
    {
        out.append('}');
        needComma = true;
        return this;
    }

    Json beginArray()
    {
        comma();
        out.append('[');
        needComma = false;
        return this;
    }

    Json endArray()
    {
        out.append(']');
        needComma = true;
        return this;
    }

    Json key(final String name)
    {
        comma();
        string(name);
        out.append(':');
        needComma = false;
        return this;
    }

    Json value(final String value)
    {
        comma();
        if (value == null)
        {
            out.append("null");
        }
        else
        {
            string(value);
        }
        needComma = true;
        return this;
    }

    Json value(final long value)
    {
        comma();
        out.append(value);
        needComma = true;
        return this;
    }

    /** A number already written as JSON number text, e.g. a price {@code 123.4500} (kept as written). */
    Json number(final CharSequence text)
    {
        comma();
        out.append(text);
        needComma = true;
        return this;
    }

    Json value(final boolean value)
    {
        comma();
        out.append(value);
        needComma = true;
        return this;
    }

    Json nullValue()
    {
        comma();
        out.append("null");
        needComma = true;
        return this;
    }

    Json field(final String name, final String value)
    {
        return key(name).value(value);
    }

    Json field(final String name, final long value)
    {
        return key(name).value(value);
    }

    @Override
    public String toString()
    {
        return out.toString();
    }

    private void comma()
    {
        if (needComma)
        {
            out.append(',');
        }
    }

    private void string(final String s)
    {
        out.append('"');
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                {
                    if (c < 0x20)
                    {
                        out.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
