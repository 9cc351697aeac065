package io.feedhandler.registry;

/**
 * The schema registry could not answer what was asked: unreachable (connection refused, timeout,
 * 5xx after the retries), credentials refused, or an answer the client does not understand. The
 * message is one line naming the registry's URL and the cause, for a person to act on.
 */
public final class SchemaRegistryException extends Exception
{
    private static final long serialVersionUID = 1L;

    private final boolean unreachable;

    /**
     * @param message     one line: the URL and the cause.
     * @param unreachable true when the registry could not be reached at all (or kept answering 5xx),
     *                    which a profile may choose to survive; false for a refusal or a
     *                    configuration problem, which it may not.
     * @param cause       the underlying exception, or null.
     */
    public SchemaRegistryException(final String message, final boolean unreachable, final Throwable cause)
    {
        super(message, cause);
        this.unreachable = unreachable;
    }

    /** @return true when the registry could not be reached (as opposed to refusing a request). */
    public boolean unreachable()
    {
        return unreachable;
    }
}
