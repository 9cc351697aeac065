package io.feedhandler.itch50;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Base of the ITCH 5.0 message flyweights: the 11-byte header every message starts with, and the
 * big-endian field access the subclasses share.
 *
 * <pre>
 * 0      1              3                5                                11
 * +------+--------------+----------------+--------------------------------+------------------
 * | Type | Stock Locate | Tracking Number| Timestamp                      | type's fields ...
 * | a1   | u16          | u16            | u48, ns since midnight         |
 * +------+--------------+----------------+--------------------------------+------------------
 * </pre>
 *
 * <p>A flyweight owns no bytes. {@link #wrap(DirectBuffer, int)} points it at a message for
 * reading; {@link #wrapForEncode(MutableDirectBuffer, int)} points it at space for one message,
 * writes the type byte, and enables the fluent setters. Getters and setters create no objects, so
 * one instance per type is reused for every message of a day.
 *
 * <p>Every integer on the wire is unsigned: uint16 reads as a non-negative {@code int}, uint32
 * (shares, price(4)) and uint48 (timestamps) as a non-negative {@code long}. A uint64 (order
 * reference and match numbers, Q and I shares, price(8)) reads as a {@code long} holding the same 64
 * bits, negative when the top bit is set: compare it with {@link Long#compareUnsigned} and print it
 * with {@link Long#toUnsignedString(long)}. Setters write the low bits of their argument that fit
 * the field and ignore the rest. Alpha codes are returned raw and never validated, so an enumeration
 * value newer than this code passes through untouched.
 *
 * <p>Flyweights never check bounds or the type byte; {@link ItchMessageDispatcher} checks the type
 * and the length before it wraps one.
 *
 * @param <T> the concrete message type, returned by the fluent setters.
 */
public abstract class ItchMessage<T extends ItchMessage<T>>
{
    /** Length of the common header: type, stock locate, tracking number, timestamp. */
    public static final int HEADER_LENGTH = 11;

    private static final int MESSAGE_TYPE_OFFSET = 0;
    private static final int STOCK_LOCATE_OFFSET = 1;
    private static final int TRACKING_NUMBER_OFFSET = 3;
    private static final int TIMESTAMP_OFFSET = 5;

    private final byte type;
    private final int length;
    private final T self;
    private DirectBuffer buffer;
    private MutableDirectBuffer mutableBuffer;
    private int offset;

    @SuppressWarnings("unchecked")
    protected ItchMessage(final byte type)
    {
        this.type = type;
        this.length = ItchMessageType.length(type);
        this.self = (T)this;
    }

    /**
     * Point the flyweight at a message for reading; nothing is copied or checked. Setters are
     * unavailable until the next {@link #wrapForEncode}, so a read never writes by mistake.
     *
     * @param buffer holding the message.
     * @param offset of the message's type byte.
     * @return this flyweight.
     */
    public final T wrap(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.mutableBuffer = null;
        this.offset = offset;
        return self;
    }

    /**
     * Point the flyweight at {@link #length()} bytes of space, write the type byte, and allow the
     * setters. Fields not set keep whatever the buffer held.
     *
     * @param buffer to write the message into.
     * @param offset where the type byte goes.
     * @return this flyweight.
     */
    public final T wrapForEncode(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.mutableBuffer = buffer;
        this.offset = offset;
        buffer.putByte(offset + MESSAGE_TYPE_OFFSET, type);
        return self;
    }

    /** @return the buffer last wrapped. */
    public final DirectBuffer buffer()
    {
        return buffer;
    }

    /** @return offset of the message (its type byte) in {@link #buffer()}. */
    public final int offset()
    {
        return offset;
    }

    /** @return the fixed length of this message type in bytes (the subclass's {@code LENGTH}). */
    public final int length()
    {
        return length;
    }

    /** @return the message type byte as read from the buffer. */
    public final byte messageType()
    {
        return buffer.getByte(offset + MESSAGE_TYPE_OFFSET);
    }

    /** @return the stock locate (uint16): the day's index of the security, 0 for market-wide messages. */
    public final int stockLocate()
    {
        return uint16(STOCK_LOCATE_OFFSET);
    }

    /**
     * @param value stock locate (uint16).
     * @return this flyweight.
     */
    public final T stockLocate(final int value)
    {
        putUint16(STOCK_LOCATE_OFFSET, value);
        return self;
    }

    /** @return the Nasdaq-internal tracking number (uint16). */
    public final int trackingNumber()
    {
        return uint16(TRACKING_NUMBER_OFFSET);
    }

    /**
     * @param value tracking number (uint16).
     * @return this flyweight.
     */
    public final T trackingNumber(final int value)
    {
        putUint16(TRACKING_NUMBER_OFFSET, value);
        return self;
    }

    /** @return nanoseconds since midnight, Eastern time (uint48; at most 86 399 999 999 999 on a real feed). */
    public final long timestamp()
    {
        return uint48(TIMESTAMP_OFFSET);
    }

    /**
     * @param value nanoseconds since midnight (uint48).
     * @return this flyweight.
     */
    public final T timestamp(final long value)
    {
        putUint48(TIMESTAMP_OFFSET, value);
        return self;
    }

    /** @return this flyweight, typed for fluent setters in subclasses. */
    protected final T self()
    {
        return self;
    }

    protected final byte alpha1(final int fieldOffset)
    {
        return buffer.getByte(offset + fieldOffset);
    }

    protected final short alpha2(final int fieldOffset)
    {
        return buffer.getShort(offset + fieldOffset, ByteOrder.BIG_ENDIAN);
    }

    protected final int alpha4(final int fieldOffset)
    {
        return buffer.getInt(offset + fieldOffset, ByteOrder.BIG_ENDIAN);
    }

    protected final long alpha8(final int fieldOffset)
    {
        return buffer.getLong(offset + fieldOffset, ByteOrder.BIG_ENDIAN);
    }

    protected final int uint16(final int fieldOffset)
    {
        return buffer.getShort(offset + fieldOffset, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    protected final long uint32(final int fieldOffset)
    {
        return buffer.getInt(offset + fieldOffset, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;
    }

    protected final long uint48(final int fieldOffset)
    {
        final int index = offset + fieldOffset;
        return ((long)(buffer.getShort(index, ByteOrder.BIG_ENDIAN) & 0xFFFF) << 32) |
            (buffer.getInt(index + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL);
    }

    protected final long uint64(final int fieldOffset)
    {
        return buffer.getLong(offset + fieldOffset, ByteOrder.BIG_ENDIAN);
    }

    protected final void putAlpha1(final int fieldOffset, final byte value)
    {
        mutableBuffer.putByte(offset + fieldOffset, value);
    }

    protected final void putAlpha2(final int fieldOffset, final short value)
    {
        mutableBuffer.putShort(offset + fieldOffset, value, ByteOrder.BIG_ENDIAN);
    }

    protected final void putAlpha4(final int fieldOffset, final int value)
    {
        mutableBuffer.putInt(offset + fieldOffset, value, ByteOrder.BIG_ENDIAN);
    }

    protected final void putAlpha8(final int fieldOffset, final long value)
    {
        mutableBuffer.putLong(offset + fieldOffset, value, ByteOrder.BIG_ENDIAN);
    }

    protected final void putUint16(final int fieldOffset, final int value)
    {
        mutableBuffer.putShort(offset + fieldOffset, (short)value, ByteOrder.BIG_ENDIAN);
    }

    protected final void putUint32(final int fieldOffset, final long value)
    {
        mutableBuffer.putInt(offset + fieldOffset, (int)value, ByteOrder.BIG_ENDIAN);
    }

    protected final void putUint48(final int fieldOffset, final long value)
    {
        final int index = offset + fieldOffset;
        mutableBuffer.putShort(index, (short)(value >>> 32), ByteOrder.BIG_ENDIAN);
        mutableBuffer.putInt(index + 2, (int)value, ByteOrder.BIG_ENDIAN);
    }

    protected final void putUint64(final int fieldOffset, final long value)
    {
        mutableBuffer.putLong(offset + fieldOffset, value, ByteOrder.BIG_ENDIAN);
    }
}
