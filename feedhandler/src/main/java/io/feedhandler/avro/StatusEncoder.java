package io.feedhandler.avro;

import io.feedhandler.itch50.BrokenTrade;
import io.feedhandler.itch50.DlcrPriceDiscovery;
import io.feedhandler.itch50.IpoQuotingPeriodUpdate;
import io.feedhandler.itch50.LuldAuctionCollar;
import io.feedhandler.itch50.MarketParticipantPosition;
import io.feedhandler.itch50.MwcbDeclineLevel;
import io.feedhandler.itch50.MwcbStatus;
import io.feedhandler.itch50.Noii;
import io.feedhandler.itch50.OperationalHalt;
import io.feedhandler.itch50.RegShoRestriction;
import io.feedhandler.itch50.Rpii;
import io.feedhandler.itch50.StockTradingAction;
import io.feedhandler.itch50.SystemEvent;
import org.agrona.MutableDirectBuffer;

/**
 * Writes {@code Status} records ({@code schemas/Status.avsc}) in Avro binary, without allocating:
 * ITCH S, H, Y, L, V, W, K, J, h, I, N, O and B, and the handler's own line events. Reused: one per
 * encoding thread.
 *
 * <p>After the common header and {@code statusType}, the schema has one flat nullable field per
 * field of every source message, grouped by message in the order below, then {@code gapFrom},
 * {@code gapTo} and {@code detail}. A record sets its message's fields and writes null (one zero
 * byte) for all others; the field constants here are the schema's positions, and the encoder
 * writes the nulls between the fields it sets.
 *
 * <p>Each method writes the body alone (no wire-format prefix) at {@code offset} and returns its
 * length. The buffer must have {@link #maxEncodedLength} bytes from {@code offset}: that is checked
 * once per record. Not thread-safe (it keeps its place in the record between fields).
 */
public final class StatusEncoder
{
    // Positions of the fields after statusType, in schema order.
    private static final int EVENT_CODE = 0;
    private static final int TRADING_STATE = 1;
    private static final int REASON = 2;
    private static final int REG_SHO_ACTION = 3;
    private static final int MPID = 4;
    private static final int PRIMARY_MARKET_MAKER = 5;
    private static final int MARKET_MAKER_MODE = 6;
    private static final int MARKET_PARTICIPANT_STATE = 7;
    private static final int LEVEL_1 = 8;
    private static final int LEVEL_2 = 9;
    private static final int LEVEL_3 = 10;
    private static final int BREACHED_LEVEL = 11;
    private static final int IPO_QUOTATION_RELEASE_TIME = 12;
    private static final int IPO_QUOTATION_RELEASE_QUALIFIER = 13;
    private static final int IPO_PRICE = 14;
    private static final int AUCTION_COLLAR_REFERENCE_PRICE = 15;
    private static final int UPPER_AUCTION_COLLAR_PRICE = 16;
    private static final int LOWER_AUCTION_COLLAR_PRICE = 17;
    private static final int AUCTION_COLLAR_EXTENSION = 18;
    private static final int MARKET_CODE = 19;
    private static final int OPERATIONAL_HALT_ACTION = 20;
    private static final int PAIRED_SHARES = 21;
    private static final int IMBALANCE_SHARES = 22;
    private static final int IMBALANCE_DIRECTION = 23;
    private static final int FAR_PRICE = 24;
    private static final int NEAR_PRICE = 25;
    private static final int CURRENT_REFERENCE_PRICE = 26;
    private static final int CROSS_TYPE = 27;
    private static final int PRICE_VARIATION_INDICATOR = 28;
    private static final int INTEREST_FLAG = 29;
    private static final int OPEN_ELIGIBILITY_STATUS = 30;
    private static final int MINIMUM_ALLOWABLE_PRICE = 31;
    private static final int MAXIMUM_ALLOWABLE_PRICE = 32;
    private static final int NEAR_EXECUTION_PRICE = 33;
    private static final int NEAR_EXECUTION_TIME = 34;
    private static final int LOWER_PRICE_RANGE_COLLAR = 35;
    private static final int UPPER_PRICE_RANGE_COLLAR = 36;
    private static final int MATCH_NUMBER = 37;
    private static final int GAP_FROM = 38;
    private static final int GAP_TO = 39;
    private static final int DETAIL = 40;
    private static final int FIELDS = 41;

    /** statusType, then every field but detail at its longest. */
    private static final int MAX_BODY_LENGTH = 1 + (FIELDS - 1) * AvroWriter.MAX_FIELD_LENGTH;

    private final AvroWriter writer = new AvroWriter();
    private int nextField;

    /**
     * @param header       the common fields as they will be set.
     * @param detailLength bytes of detail text, 0 for records from ITCH messages.
     * @return the most bytes one record can take.
     */
    public static int maxEncodedLength(final RecordHeader header, final int detailLength)
    {
        return header.maxEncodedLength() + MAX_BODY_LENGTH + 1 + AvroWriter.MAX_LONG_LENGTH + detailLength;
    }

    /**
     * @param header  common fields ({@link RecordHeader#marketWide()}: S has stock locate 0).
     * @param message a System Event (S).
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(final RecordHeader header, final SystemEvent message, final MutableDirectBuffer buffer, final int offset)
    {
        begin(header, StatusType.SYSTEM_EVENT, buffer, offset, 0);
        code(EVENT_CODE, message.eventCode());
        return end(offset);
    }

    /**
     * @param header  common fields.
     * @param message a Stock Trading Action (H); its reserved byte is not kept.
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(
        final RecordHeader header, final StockTradingAction message, final MutableDirectBuffer buffer, final int offset)
    {
        begin(header, StatusType.TRADING_ACTION, buffer, offset, 0);
        code(TRADING_STATE, message.tradingState());
        alpha(REASON, message.reason(), 4);
        return end(offset);
    }

    /**
     * @param header  common fields.
     * @param message a Reg SHO Short Sale Price Test Restricted Indicator (Y).
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(
        final RecordHeader header, final RegShoRestriction message, final MutableDirectBuffer buffer, final int offset)
    {
        begin(header, StatusType.REG_SHO_RESTRICTION, buffer, offset, 0);
        code(REG_SHO_ACTION, message.regShoAction());
        return end(offset);
    }

    /**
     * @param header  common fields.
     * @param message a Market Participant Position (L).
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(
        final RecordHeader header, final MarketParticipantPosition message, final MutableDirectBuffer buffer, final int offset)
    {
        begin(header, StatusType.MARKET_PARTICIPANT_POSITION, buffer, offset, 0);
        alpha(MPID, message.mpid(), 4);
        code(PRIMARY_MARKET_MAKER, message.primaryMarketMaker());
        code(MARKET_MAKER_MODE, message.marketMakerMode());
        code(MARKET_PARTICIPANT_STATE, message.marketParticipantState());
        return end(offset);
    }

    /**
     * @param header  common fields ({@link RecordHeader#marketWide()}: V has stock locate 0).
     * @param message an MWCB Decline Level (V): price(8) levels, scale 8, read unsigned.
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(
        final RecordHeader header, final MwcbDeclineLevel message, final MutableDirectBuffer buffer, final int offset)
    {
        begin(header, StatusType.MWCB_DECLINE_LEVEL, buffer, offset, 0);
        skipTo(LEVEL_1);
        writer.writeOptionalUnsignedDecimal(message.level1());
        skipTo(LEVEL_2);
        writer.writeOptionalUnsignedDecimal(message.level2());
        skipTo(LEVEL_3);
        writer.writeOptionalUnsignedDecimal(message.level3());
        return end(offset);
    }

    /**
     * @param header  common fields ({@link RecordHeader#marketWide()}: W has stock locate 0).
     * @param message an MWCB Status (W).
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(final RecordHeader header, final MwcbStatus message, final MutableDirectBuffer buffer, final int offset)
    {
        begin(header, StatusType.MWCB_STATUS, buffer, offset, 0);
        code(BREACHED_LEVEL, message.breachedLevel());
        return end(offset);
    }

    /**
     * @param header  common fields.
     * @param message an IPO Quoting Period Update (K); the release time stays seconds since midnight.
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(
        final RecordHeader header, final IpoQuotingPeriodUpdate message, final MutableDirectBuffer buffer, final int offset)
    {
        begin(header, StatusType.IPO_QUOTING_PERIOD_UPDATE, buffer, offset, 0);
        optionalLong(IPO_QUOTATION_RELEASE_TIME, message.ipoQuotationReleaseTime());
        code(IPO_QUOTATION_RELEASE_QUALIFIER, message.ipoQuotationReleaseQualifier());
        price(IPO_PRICE, message.ipoPrice());
        return end(offset);
    }

    /**
     * @param header  common fields.
     * @param message an LULD Auction Collar (J).
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(
        final RecordHeader header, final LuldAuctionCollar message, final MutableDirectBuffer buffer, final int offset)
    {
        begin(header, StatusType.LULD_AUCTION_COLLAR, buffer, offset, 0);
        price(AUCTION_COLLAR_REFERENCE_PRICE, message.auctionCollarReferencePrice());
        price(UPPER_AUCTION_COLLAR_PRICE, message.upperAuctionCollarPrice());
        price(LOWER_AUCTION_COLLAR_PRICE, message.lowerAuctionCollarPrice());
        optionalLong(AUCTION_COLLAR_EXTENSION, message.auctionCollarExtension());
        return end(offset);
    }

    /**
     * @param header  common fields.
     * @param message an Operational Halt (h).
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(
        final RecordHeader header, final OperationalHalt message, final MutableDirectBuffer buffer, final int offset)
    {
        begin(header, StatusType.OPERATIONAL_HALT, buffer, offset, 0);
        code(MARKET_CODE, message.marketCode());
        code(OPERATIONAL_HALT_ACTION, message.operationalHaltAction());
        return end(offset);
    }

    /**
     * @param header  common fields.
     * @param message a Net Order Imbalance Indicator (I); prices as sent, the market-order sentinel included.
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(final RecordHeader header, final Noii message, final MutableDirectBuffer buffer, final int offset)
    {
        begin(header, StatusType.NOII, buffer, offset, 0);
        optionalLong(PAIRED_SHARES, message.pairedShares());
        optionalLong(IMBALANCE_SHARES, message.imbalanceShares());
        code(IMBALANCE_DIRECTION, message.imbalanceDirection());
        price(FAR_PRICE, message.farPrice());
        price(NEAR_PRICE, message.nearPrice());
        price(CURRENT_REFERENCE_PRICE, message.currentReferencePrice());
        code(CROSS_TYPE, message.crossType());
        code(PRICE_VARIATION_INDICATOR, message.priceVariationIndicator());
        return end(offset);
    }

    /**
     * @param header  common fields.
     * @param message a Retail Price Improvement Indicator (N).
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(final RecordHeader header, final Rpii message, final MutableDirectBuffer buffer, final int offset)
    {
        begin(header, StatusType.RPII, buffer, offset, 0);
        code(INTEREST_FLAG, message.interestFlag());
        return end(offset);
    }

    /**
     * @param header  common fields.
     * @param message a DLCR Price Discovery (O); the near execution time stays nanoseconds since midnight.
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(
        final RecordHeader header, final DlcrPriceDiscovery message, final MutableDirectBuffer buffer, final int offset)
    {
        begin(header, StatusType.DLCR_PRICE_DISCOVERY, buffer, offset, 0);
        code(OPEN_ELIGIBILITY_STATUS, message.openEligibilityStatus());
        price(MINIMUM_ALLOWABLE_PRICE, message.minimumAllowablePrice());
        price(MAXIMUM_ALLOWABLE_PRICE, message.maximumAllowablePrice());
        price(NEAR_EXECUTION_PRICE, message.nearExecutionPrice());
        optionalLong(NEAR_EXECUTION_TIME, message.nearExecutionTime());
        price(LOWER_PRICE_RANGE_COLLAR, message.lowerPriceRangeCollar());
        price(UPPER_PRICE_RANGE_COLLAR, message.upperPriceRangeCollar());
        return end(offset);
    }

    /**
     * @param header  common fields.
     * @param message a Broken Trade (B).
     * @param buffer  to write into.
     * @param offset  where the record starts.
     * @return bytes written.
     */
    public int encode(final RecordHeader header, final BrokenTrade message, final MutableDirectBuffer buffer, final int offset)
    {
        begin(header, StatusType.BROKEN_TRADE, buffer, offset, 0);
        optionalLong(MATCH_NUMBER, message.matchNumber());
        return end(offset);
    }

    /**
     * Sequence numbers {@code from} to {@code to} are missing from the session.
     *
     * @param header common fields (usually {@link RecordHeader#marketWide()}).
     * @param from   first missing sequence number.
     * @param to     last missing sequence number, inclusive.
     * @param detail UTF-8 explanation, or null.
     * @param buffer to write into.
     * @param offset where the record starts.
     * @return bytes written.
     */
    public int encodeGap(
        final RecordHeader header, final long from, final long to, final byte[] detail,
        final MutableDirectBuffer buffer, final int offset)
    {
        return encodeRange(header, StatusType.GAP, from, to, detail, buffer, offset);
    }

    /**
     * Sequence numbers {@code from} to {@code to}, reported missing before, have arrived.
     *
     * @param header common fields.
     * @param from   first recovered sequence number.
     * @param to     last recovered sequence number, inclusive.
     * @param detail UTF-8 explanation, or null.
     * @param buffer to write into.
     * @param offset where the record starts.
     * @return bytes written.
     */
    public int encodeGapRecovered(
        final RecordHeader header, final long from, final long to, final byte[] detail,
        final MutableDirectBuffer buffer, final int offset)
    {
        return encodeRange(header, StatusType.GAP_RECOVERED, from, to, detail, buffer, offset);
    }

    /**
     * The handler itself dropped or deferred sequence numbers {@code from} to {@code to} (ring full).
     *
     * @param header common fields.
     * @param from   first sequence number concerned.
     * @param to     last sequence number concerned, inclusive.
     * @param detail UTF-8 explanation (e.g. the overload policy), or null.
     * @param buffer to write into.
     * @param offset where the record starts.
     * @return bytes written.
     */
    public int encodeLocalOverload(
        final RecordHeader header, final long from, final long to, final byte[] detail,
        final MutableDirectBuffer buffer, final int offset)
    {
        return encodeRange(header, StatusType.LOCAL_OVERLOAD, from, to, detail, buffer, offset);
    }

    /**
     * A line went silent; no sequence range.
     *
     * @param header common fields.
     * @param detail UTF-8 explanation (which line, for how long), or null.
     * @param buffer to write into.
     * @param offset where the record starts.
     * @return bytes written.
     */
    public int encodeStaleLine(
        final RecordHeader header, final byte[] detail, final MutableDirectBuffer buffer, final int offset)
    {
        begin(header, StatusType.STALE_LINE, buffer, offset, detailLength(detail));
        detail(detail);
        return writer.position() - offset;
    }

    private int encodeRange(
        final RecordHeader header, final StatusType type, final long from, final long to, final byte[] detail,
        final MutableDirectBuffer buffer, final int offset)
    {
        begin(header, type, buffer, offset, detailLength(detail));
        optionalLong(GAP_FROM, from);
        optionalLong(GAP_TO, to);
        detail(detail);
        return writer.position() - offset;
    }

    private void begin(
        final RecordHeader header, final StatusType type, final MutableDirectBuffer buffer, final int offset,
        final int detailLength)
    {
        buffer.boundsCheck(offset, maxEncodedLength(header, detailLength));
        writer.wrap(buffer, offset);
        header.write(writer);
        writer.writeEnum(type.ordinal());
        nextField = 0;
    }

    /** Write nulls for the fields before {@code field}; the caller writes {@code field} itself. */
    private void skipTo(final int field)
    {
        writer.writeNulls(field - nextField);
        nextField = field + 1;
    }

    private void code(final int field, final byte value)
    {
        skipTo(field);
        writer.writeOptionalCode(value);
    }

    private void alpha(final int field, final long value, final int width)
    {
        skipTo(field);
        writer.writeOptionalAlpha(value, width);
    }

    private void price(final int field, final long value)
    {
        skipTo(field);
        writer.writeOptionalDecimal(value);
    }

    private void optionalLong(final int field, final long value)
    {
        skipTo(field);
        writer.writeOptionalLong(value);
    }

    private void detail(final byte[] detail)
    {
        skipTo(DETAIL);
        if (detail == null)
        {
            writer.writeNull();
        }
        else
        {
            writer.writePresent();
            writer.writeString(detail, 0, detail.length);
        }
    }

    private int end(final int offset)
    {
        writer.writeNulls(FIELDS - nextField);
        return writer.position() - offset;
    }

    private static int detailLength(final byte[] detail)
    {
        return detail == null ? 0 : detail.length;
    }
}
