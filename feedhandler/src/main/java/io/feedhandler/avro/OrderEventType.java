package io.feedhandler.avro;

/**
 * {@code OrderEvent.eventType}: the symbols of the schema's {@code OrderEventType} enum, in schema
 * order, so {@link #ordinal()} is the Avro enum index (a test holds the two together).
 */
public enum OrderEventType
{
    /** A or F: a new displayed order. */
    ADD,
    /** E: executed at the order's display price. */
    EXECUTE,
    /** C: executed at another price. */
    EXECUTE_WITH_PRICE,
    /** X: part of the order cancelled. */
    CANCEL,
    /** D: the whole remaining order removed. */
    DELETE,
    /** U: the order replaced by a new one. */
    REPLACE
}
