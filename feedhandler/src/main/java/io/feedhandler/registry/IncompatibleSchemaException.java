package io.feedhandler.registry;

import java.util.List;

/**
 * A local schema may not become its subject's next version: it breaks the project's evolution
 * rules ({@link EvolutionRules}) or the registry's compatibility level. Nothing was registered.
 * The message names, one line per break, the subject, the field and the rule.
 */
public final class IncompatibleSchemaException extends Exception
{
    private static final long serialVersionUID = 1L;

    private final transient List<String> breaks;

    /** @param breaks one sentence per break, each naming the subject, the field and the rule. */
    public IncompatibleSchemaException(final List<String> breaks)
    {
        super("schema changes refused, nothing registered (evolution rules: schemas/README.md):" +
            System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", breaks));
        this.breaks = List.copyOf(breaks);
    }

    /** @return one sentence per break. */
    public List<String> breaks()
    {
        return breaks;
    }
}
