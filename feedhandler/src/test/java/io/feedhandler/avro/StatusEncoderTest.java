package io.feedhandler.avro;

import io.feedhandler.itch50.Alpha;
import io.feedhandler.itch50.BrokenTrade;
import io.feedhandler.itch50.DlcrPriceDiscovery;
import io.feedhandler.itch50.IpoQuotingPeriodUpdate;
import io.feedhandler.itch50.LuldAuctionCollar;
import io.feedhandler.itch50.MarketParticipantPosition;
import io.feedhandler.itch50.MwcbDeclineLevel;
import io.feedhandler.itch50.MwcbStatus;
import io.feedhandler.itch50.Noii;
import io.feedhandler.itch50.OperationalHalt;
import io.feedhandler.itch50.Prices;
import io.feedhandler.itch50.RegShoRestriction;
import io.feedhandler.itch50.Rpii;
import io.feedhandler.itch50.StockTradingAction;
import io.feedhandler.itch50.SystemEvent;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.feedhandler.avro.PlainAvro.assertBody;
import static io.feedhandler.avro.PlainAvro.fields;
import static io.feedhandler.avro.Records.LOCATE;
import static io.feedhandler.avro.Records.MATCH_NUMBER;
import static io.feedhandler.avro.Records.MIDNIGHT_NANOS;
import static io.feedhandler.avro.Records.OTHER_PRICE;
import static io.feedhandler.avro.Records.PRICE;
import static io.feedhandler.avro.Records.STOCK;
import static io.feedhandler.avro.Records.SYMBOL;
import static io.feedhandler.avro.Records.assertHeader;
import static io.feedhandler.avro.Records.assertItchHeader;
import static io.feedhandler.avro.Records.itchHeader;
import static io.feedhandler.avro.Records.price;
import static io.feedhandler.avro.Records.price8;

/**
 * Every ITCH status message and every handler line event as a {@code Status}, read back by Avro's
 * generic reader against {@code schemas/Status.avsc}: the message's fields set, all others null.
 */
class StatusEncoderTest
{
    private static final int MESSAGE = 1024;
    private static final int OFFSET = 1;

    private final StatusEncoder encoder = new StatusEncoder();
    private final RecordHeader header = Records.header().symbol(STOCK);
    private final UnsafeBuffer buffer = Records.buffer();

    @Test
    void shouldEncodeSystemEventAsMarketWide()
    {
        final SystemEvent message = itchHeader(new SystemEvent().wrapForEncode(buffer, MESSAGE))
            .stockLocate(0).eventCode(SystemEvent.END_OF_MESSAGES);

        final GenericRecord record = decode(encoder.encode(header.marketWide().itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, "", 0);
        assertBody(record, fields("statusType", "SYSTEM_EVENT", "eventCode", "C"));
    }

    @Test
    void shouldEncodeStockTradingAction()
    {
        final StockTradingAction message = itchHeader(new StockTradingAction().wrapForEncode(buffer, MESSAGE))
            .stock(STOCK).tradingState((byte)'H').reserved((byte)'x').reason(Alpha.encode4("LUDP"));

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields("statusType", "TRADING_ACTION", "tradingState", "H", "reason", "LUDP"));
    }

    @Test
    void shouldWriteAnEmptyReasonWhenNoneIsGiven()
    {
        final StockTradingAction message = itchHeader(new StockTradingAction().wrapForEncode(buffer, MESSAGE))
            .stock(STOCK).tradingState((byte)'T').reserved((byte)' ').reason(Alpha.encode4(""));

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertBody(record, fields("statusType", "TRADING_ACTION", "tradingState", "T", "reason", ""));
    }

    @Test
    void shouldEncodeRegShoRestriction()
    {
        final RegShoRestriction message = itchHeader(new RegShoRestriction().wrapForEncode(buffer, MESSAGE))
            .stock(STOCK).regShoAction((byte)'2');

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields("statusType", "REG_SHO_RESTRICTION", "regShoAction", "2"));
    }

    @Test
    void shouldEncodeMarketParticipantPosition()
    {
        final MarketParticipantPosition message = itchHeader(new MarketParticipantPosition().wrapForEncode(buffer, MESSAGE))
            .mpid(Alpha.encode4("GSCO")).stock(STOCK).primaryMarketMaker((byte)'Y').marketMakerMode((byte)'P')
            .marketParticipantState((byte)'W');

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields(
            "statusType", "MARKET_PARTICIPANT_POSITION",
            "mpid", "GSCO",
            "primaryMarketMaker", "Y",
            "marketMakerMode", "P",
            "marketParticipantState", "W"));
    }

    @Test
    void shouldEncodeMwcbDeclineLevelAtScale8Unsigned()
    {
        final long level1 = 0xFFFF_FFFF_FFFF_FFFFL;
        final long level2 = 0x8000_0000_0000_0000L;
        final long level3 = 300_012_345_678L;
        final MwcbDeclineLevel message = itchHeader(new MwcbDeclineLevel().wrapForEncode(buffer, MESSAGE))
            .stockLocate(0).level1(level1).level2(level2).level3(level3);

        final GenericRecord record = decode(encoder.encode(header.marketWide().itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, "", 0);
        assertBody(record, fields(
            "statusType", "MWCB_DECLINE_LEVEL",
            "level1", price8(level1),
            "level2", price8(level2),
            "level3", price8(level3)));
    }

    @Test
    void shouldEncodeMwcbStatus()
    {
        final MwcbStatus message = itchHeader(new MwcbStatus().wrapForEncode(buffer, MESSAGE))
            .stockLocate(0).breachedLevel((byte)'3');

        final GenericRecord record = decode(encoder.encode(header.marketWide().itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, "", 0);
        assertBody(record, fields("statusType", "MWCB_STATUS", "breachedLevel", "3"));
    }

    @Test
    void shouldEncodeIpoQuotingPeriodUpdate()
    {
        final IpoQuotingPeriodUpdate message = itchHeader(new IpoQuotingPeriodUpdate().wrapForEncode(buffer, MESSAGE))
            .stock(STOCK).ipoQuotationReleaseTime(0xFFFF_FFFEL).ipoQuotationReleaseQualifier((byte)'A').ipoPrice(PRICE);

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields(
            "statusType", "IPO_QUOTING_PERIOD_UPDATE",
            "ipoQuotationReleaseTime", 0xFFFF_FFFEL,
            "ipoQuotationReleaseQualifier", "A",
            "ipoPrice", price(PRICE)));
    }

    @Test
    void shouldEncodeLuldAuctionCollar()
    {
        final LuldAuctionCollar message = itchHeader(new LuldAuctionCollar().wrapForEncode(buffer, MESSAGE))
            .stock(STOCK).auctionCollarReferencePrice(OTHER_PRICE).upperAuctionCollarPrice(PRICE)
            .lowerAuctionCollarPrice(1).auctionCollarExtension(0xFFFF_FFFDL);

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields(
            "statusType", "LULD_AUCTION_COLLAR",
            "auctionCollarReferencePrice", price(OTHER_PRICE),
            "upperAuctionCollarPrice", price(PRICE),
            "lowerAuctionCollarPrice", price(1),
            "auctionCollarExtension", 0xFFFF_FFFDL));
    }

    @Test
    void shouldEncodeOperationalHalt()
    {
        final OperationalHalt message = itchHeader(new OperationalHalt().wrapForEncode(buffer, MESSAGE))
            .stock(STOCK).marketCode((byte)'X').operationalHaltAction((byte)'T');

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields("statusType", "OPERATIONAL_HALT", "marketCode", "X", "operationalHaltAction", "T"));
    }

    @Test
    void shouldEncodeNoii()
    {
        final Noii message = itchHeader(new Noii().wrapForEncode(buffer, MESSAGE))
            .pairedShares(0x8000_0000_0000_0003L).imbalanceShares(0xFFFF_FFFF_FFFF_FFFEL).imbalanceDirection((byte)'P')
            .stock(STOCK).farPrice(Prices.MARKET_ORDER_PRICE).nearPrice(0).currentReferencePrice(OTHER_PRICE)
            .crossType((byte)'C').priceVariationIndicator((byte)'L');

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields(
            "statusType", "NOII",
            "pairedShares", 0x8000_0000_0000_0003L,
            "imbalanceShares", 0xFFFF_FFFF_FFFF_FFFEL,
            "imbalanceDirection", "P",
            "farPrice", price(Prices.MARKET_ORDER_PRICE),
            "nearPrice", price(0),
            "currentReferencePrice", price(OTHER_PRICE),
            "crossType", "C",
            "priceVariationIndicator", "L"));
    }

    @Test
    void shouldEncodeRpii()
    {
        final Rpii message = itchHeader(new Rpii().wrapForEncode(buffer, MESSAGE)).stock(STOCK).interestFlag((byte)'A');

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields("statusType", "RPII", "interestFlag", "A"));
    }

    @Test
    void shouldEncodeDlcrPriceDiscovery()
    {
        final DlcrPriceDiscovery message = itchHeader(new DlcrPriceDiscovery().wrapForEncode(buffer, MESSAGE))
            .stock(STOCK).openEligibilityStatus((byte)'Y').minimumAllowablePrice(100).maximumAllowablePrice(PRICE)
            .nearExecutionPrice(OTHER_PRICE).nearExecutionTime(0xF000_0000_0000_0001L).lowerPriceRangeCollar(200)
            .upperPriceRangeCollar(300);

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields(
            "statusType", "DLCR_PRICE_DISCOVERY",
            "openEligibilityStatus", "Y",
            "minimumAllowablePrice", price(100),
            "maximumAllowablePrice", price(PRICE),
            "nearExecutionPrice", price(OTHER_PRICE),
            "nearExecutionTime", 0xF000_0000_0000_0001L,
            "lowerPriceRangeCollar", price(200),
            "upperPriceRangeCollar", price(300)));
    }

    @Test
    void shouldEncodeBrokenTrade()
    {
        final BrokenTrade message = itchHeader(new BrokenTrade().wrapForEncode(buffer, MESSAGE)).matchNumber(MATCH_NUMBER);

        final GenericRecord record = decode(encoder.encode(header.itchHeader(message), message, buffer, OFFSET));

        assertItchHeader(record, SYMBOL, LOCATE);
        assertBody(record, fields("statusType", "BROKEN_TRADE", "matchNumber", MATCH_NUMBER));
    }

    @Test
    void shouldEncodeGap()
    {
        final String detail = "line A and B both missed 1000..1099; re-request sent (naïve check)";
        lineEventHeader();

        final GenericRecord record = decode(encoder.encodeGap(
            header, 1000, 1099, detail.getBytes(StandardCharsets.UTF_8), buffer, OFFSET));

        assertHeader(record, "", 0, 0, MIDNIGHT_NANOS + 1);
        assertBody(record, fields("statusType", "GAP", "gapFrom", 1000L, "gapTo", 1099L, "detail", detail));
    }

    @Test
    void shouldEncodeGapRecoveredWithoutDetail()
    {
        lineEventHeader();

        final GenericRecord record = decode(encoder.encodeGapRecovered(header, 5, 5, null, buffer, OFFSET));

        assertBody(record, fields("statusType", "GAP_RECOVERED", "gapFrom", 5L, "gapTo", 5L));
    }

    @Test
    void shouldEncodeLocalOverload()
    {
        lineEventHeader();

        final GenericRecord record = decode(encoder.encodeLocalOverload(
            header, Long.MAX_VALUE - 1, Long.MAX_VALUE, "shed".getBytes(StandardCharsets.UTF_8), buffer, OFFSET));

        assertBody(record, fields(
            "statusType", "LOCAL_OVERLOAD", "gapFrom", Long.MAX_VALUE - 1, "gapTo", Long.MAX_VALUE, "detail", "shed"));
    }

    @Test
    void shouldEncodeStaleLine()
    {
        lineEventHeader();

        final GenericRecord record = decode(encoder.encodeStaleLine(
            header, "line B silent for 2000 ms".getBytes(StandardCharsets.UTF_8), buffer, OFFSET));

        assertBody(record, fields("statusType", "STALE_LINE", "detail", "line B silent for 2000 ms"));
    }

    private void lineEventHeader()
    {
        header.marketWide().trackingNumber(0).exchangeTimestampNanos(MIDNIGHT_NANOS + 1);
    }

    private GenericRecord decode(final int length)
    {
        return PlainAvro.decode(RecordSchema.STATUS, buffer, OFFSET, length);
    }
}
