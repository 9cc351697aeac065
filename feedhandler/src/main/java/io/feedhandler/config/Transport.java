package io.feedhandler.config;

import java.util.Locale;

/** The {@code transport} key: how {@code run} receives the live feed. */
public enum Transport
{
    /** Multicast lines A and B ({@code lines}) with the re-request server ({@code retransmission}). */
    MOLDUDP64,
    /** One TCP session ({@code soupbintcp}): login with a sequence number, replay from there. */
    SOUPBINTCP;

    /** @return its spelling in a profile. */
    public String profileName()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
