package io.feedhandler.itch50;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItchMessageDispatcherTest
{
    private static final int OFFSET = 3;
    private static final String CALLBACKS =
        "SystemEvent StockDirectory StockTradingAction RegShoRestriction MarketParticipantPosition MwcbDeclineLevel " +
        "MwcbStatus IpoQuotingPeriodUpdate LuldAuctionCollar OperationalHalt AddOrder AddOrderMpid OrderExecuted " +
        "OrderExecutedWithPrice OrderCancel OrderDelete OrderReplace Trade CrossTrade BrokenTrade Noii Rpii " +
        "DlcrPriceDiscovery";

    private final RecordingItchListener listener = new RecordingItchListener();
    private final ItchMessageDispatcher dispatcher = new ItchMessageDispatcher(listener);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

    @Test
    void shouldDeliverEveryTypeToItsOwnCallback()
    {
        final String[] callbacks = CALLBACKS.split(" ");
        for (int i = 0; i < ItchMessageType.ALL.length(); i++)
        {
            final byte type = (byte)ItchMessageType.ALL.charAt(i);
            message(type, i + 1);

            assertTrue(dispatcher.dispatch(buffer, OFFSET, ItchMessageType.length(type)));
            assertEquals("on" + callbacks[i] + " " + (char)type + " locate=" + (i + 1) + " offset=" + OFFSET,
                listener.events().get(i));
        }
        assertEquals(23, listener.events().size());
        assertErrorCounts(0, 0, 0);
    }

    @Test
    void shouldReportUnknownTypeWithoutThrowing()
    {
        for (final byte type : new byte[]{'Z', 'a', 'H' + 32 + 1, 0, (byte)0xFF})
        {
            buffer.putByte(OFFSET, type);
            assertFalse(dispatcher.dispatch(buffer, OFFSET, 20));
        }

        assertEquals(List.of(
            "onUnknownType Z offset=3 length=20",
            "onUnknownType a offset=3 length=20",
            "onUnknownType i offset=3 length=20",
            "onUnknownType 0x00 offset=3 length=20",
            "onUnknownType 0xFF offset=3 length=20"), listener.events());
        assertErrorCounts(0, 5, 0);
    }

    @Test
    void shouldReportLengthThatDiffersFromTheType()
    {
        message(ItchMessageType.ADD_ORDER, 1);

        assertFalse(dispatcher.dispatch(buffer, OFFSET, AddOrder.LENGTH - 1));
        assertFalse(dispatcher.dispatch(buffer, OFFSET, AddOrder.LENGTH + 4));
        assertFalse(dispatcher.dispatch(buffer, OFFSET, 1));

        assertEquals(List.of(
            "onLengthMismatch A expected=36 offset=3 length=35",
            "onLengthMismatch A expected=36 offset=3 length=40",
            "onLengthMismatch A expected=36 offset=3 length=1"), listener.events());
        assertErrorCounts(0, 0, 3);
    }

    @Test
    void shouldReportEmptyMessage()
    {
        assertFalse(dispatcher.dispatch(buffer, OFFSET, 0));

        assertEquals(List.of("onEmptyMessage offset=3"), listener.events());
        assertErrorCounts(1, 0, 0);
    }

    @Test
    void shouldGoOnDecodingAfterAMalformedMessage()
    {
        message(ItchMessageType.ORDER_DELETE, 9);
        dispatcher.dispatch(buffer, OFFSET, OrderDelete.LENGTH);
        dispatcher.dispatch(buffer, OFFSET, OrderDelete.LENGTH + 1);
        buffer.putByte(OFFSET, (byte)'z');
        dispatcher.dispatch(buffer, OFFSET, OrderDelete.LENGTH);
        message(ItchMessageType.ORDER_DELETE, 10);
        dispatcher.dispatch(buffer, OFFSET, OrderDelete.LENGTH);

        assertEquals(List.of(
            "onOrderDelete D locate=9 offset=3",
            "onLengthMismatch D expected=19 offset=3 length=20",
            "onUnknownType z offset=3 length=19",
            "onOrderDelete D locate=10 offset=3"), listener.events());
    }

    @Test
    void shouldNotAllocateWhileDispatching()
    {
        final ItchMessageDispatcher quiet = new ItchMessageDispatcher(new ItchListener()
        {
            private long sum;

            @Override
            public void onAddOrder(final AddOrder message)
            {
                sum += message.shares() + message.price() + message.stock();
            }

            @Override
            public void onOrderDelete(final OrderDelete message)
            {
                sum += message.orderReferenceNumber();
            }
        });
        final UnsafeBuffer messages = new UnsafeBuffer(new byte[AddOrder.LENGTH + OrderDelete.LENGTH + 20]);
        new AddOrder().wrapForEncode(messages, 0).stockLocate(1).shares(100).price(1_234_500)
            .stock(Symbols.encode("AAPL"));
        new OrderDelete().wrapForEncode(messages, AddOrder.LENGTH).orderReferenceNumber(7);
        messages.putByte(AddOrder.LENGTH + OrderDelete.LENGTH, (byte)'Z');
        final Runnable day = () ->
        {
            for (int i = 0; i < 100_000; i++)
            {
                quiet.dispatch(messages, 0, AddOrder.LENGTH);
                quiet.dispatch(messages, AddOrder.LENGTH, OrderDelete.LENGTH);
                quiet.dispatch(messages, AddOrder.LENGTH + OrderDelete.LENGTH, 20);
            }
        };

        assertEquals(0, AllocationMeter.steadyStateAllocation(day), "bytes allocated dispatching 300 000 messages");
        assertTrue(quiet.unknownTypes() >= 100_000);
    }

    private void message(final byte type, final int locate)
    {
        buffer.setMemory(0, buffer.capacity(), (byte)0);
        buffer.putByte(OFFSET, type);
        buffer.putShort(OFFSET + 1, (short)locate, ByteOrder.BIG_ENDIAN);
    }

    private void assertErrorCounts(final long empty, final long unknown, final long lengthMismatch)
    {
        assertEquals(empty, dispatcher.emptyMessages(), "empty messages");
        assertEquals(unknown, dispatcher.unknownTypes(), "unknown types");
        assertEquals(lengthMismatch, dispatcher.lengthMismatches(), "length mismatches");
    }
}
