package io.feedhandler.config;

import java.util.List;

/**
 * A profile that cannot be used, with every reason found, one line each, written for the operator
 * who edits the file: {@code profile conf/nasdaq.conf: kafka.producer.acks must be 'all' for
 * idempotence (got '1' at line 42)}. Print {@link #getMessage()}; the stack trace says nothing more.
 */
public final class ProfileException extends Exception
{
    private final List<String> errors;

    /**
     * @param errors one complete sentence per problem, each naming the profile and the key.
     */
    public ProfileException(final List<String> errors)
    {
        super(String.join(System.lineSeparator(), errors));
        this.errors = List.copyOf(errors);
    }

    /** @return every problem found, in the order the keys were read. */
    public List<String> errors()
    {
        return errors;
    }
}
