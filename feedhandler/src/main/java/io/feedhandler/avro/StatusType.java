package io.feedhandler.avro;

/**
 * {@code Status.statusType}: the symbols of the schema's {@code StatusType} enum, in schema order,
 * so {@link #ordinal()} is the Avro enum index (a test holds the two together). The last four are
 * raised by the handler itself, not sent by the exchange.
 */
public enum StatusType
{
    /** S. */
    SYSTEM_EVENT,
    /** H. */
    TRADING_ACTION,
    /** Y. */
    REG_SHO_RESTRICTION,
    /** L. */
    MARKET_PARTICIPANT_POSITION,
    /** V. */
    MWCB_DECLINE_LEVEL,
    /** W. */
    MWCB_STATUS,
    /** K. */
    IPO_QUOTING_PERIOD_UPDATE,
    /** J. */
    LULD_AUCTION_COLLAR,
    /** h. */
    OPERATIONAL_HALT,
    /** I. */
    NOII,
    /** N. */
    RPII,
    /** O. */
    DLCR_PRICE_DISCOVERY,
    /** B. */
    BROKEN_TRADE,
    /** Sequence numbers are missing: gapFrom to gapTo. */
    GAP,
    /** The missing sequence numbers gapFrom to gapTo arrived. */
    GAP_RECOVERED,
    /** A line went silent. */
    STALE_LINE,
    /** The handler dropped or deferred gapFrom to gapTo itself (ring full). */
    LOCAL_OVERLOAD
}
