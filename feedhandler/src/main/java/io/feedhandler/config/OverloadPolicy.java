package io.feedhandler.config;

import java.util.Locale;

/**
 * What a producer of ring events does when the ring is full ({@code pipeline.overload-policy}).
 * Nothing is dropped silently under any of them.
 */
public enum OverloadPolicy
{
    /** Wait for a free slot. Right for file replay, where the source can wait; never for a live multicast line. */
    BLOCK,
    /** Record a local gap and fill it through retransmission, like a network gap. For live lines. */
    RECOVER,
    /** Drop the message and publish a status event that says so. */
    SHED;

    /** @return how a profile spells it, e.g. {@code block}. */
    public String profileName()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
