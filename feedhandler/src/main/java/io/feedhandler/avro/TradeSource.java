package io.feedhandler.avro;

/**
 * {@code Trade.source}: the symbols of the schema's {@code TradeSource} enum, in schema order, so
 * {@link #ordinal()} is the Avro enum index (a test holds the two together).
 */
public enum TradeSource
{
    /** P: a trade against non-displayed liquidity. */
    NON_CROSS,
    /** Q: a cross's whole volume. */
    CROSS,
    /** E: a displayed order executed at its display price (price and side come from the book). */
    EXECUTION,
    /** C: a displayed order executed at another price (side comes from the book). */
    EXECUTION_WITH_PRICE
}
