package io.feedhandler.book;

/**
 * Order events that do not fit the book as built, and what the book does about each. None is
 * malformed input (the message decodes): they come from starting mid-day or from lost messages,
 * so they are counted, never sent to the DLQ, and never stop the handler.
 */
public enum BookAnomaly
{
    /** E, C, X, D or U names an order the book does not hold: nothing changes (an E makes no trade: its price is unknown). */
    UNKNOWN_ORDER,
    /** E, C or X takes more shares than the order has left: the order is removed. */
    OVERSIZED_REDUCTION,
    /** A, F or U adds a reference that is already live: the old order is removed first. */
    DUPLICATE_REFERENCE
}
