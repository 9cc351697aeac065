package io.feedhandler.kafka;

/**
 * Topics could not be checked or created: Kafka did not answer in time, or refused. The message
 * names the bootstrap servers and each topic's reason, for the operator; the cause is Kafka's.
 */
public final class TopicCreationException extends Exception
{
    /**
     * @param message what failed and what to check.
     * @param cause   Kafka's exception, if one.
     */
    public TopicCreationException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
