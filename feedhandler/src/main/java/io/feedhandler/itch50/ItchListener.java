package io.feedhandler.itch50;

import org.agrona.DirectBuffer;

/**
 * What an {@link ItchMessageDispatcher} finds: one callback per ITCH 5.0 message type, and one per
 * kind of malformed message. Every method does nothing by default, so a listener implements only
 * what it needs; the dispatcher counts malformed messages whether or not they are handled here.
 *
 * <p>The flyweight passed in is the dispatcher's, wrapped over the caller's buffer: it is valid only
 * during the call, and a listener that keeps anything copies the fields it needs.
 */
public interface ItchListener
{
    /**
     * System Event (S).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onSystemEvent(final SystemEvent message)
    {
    }

    /**
     * Stock Directory (R).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onStockDirectory(final StockDirectory message)
    {
    }

    /**
     * Stock Trading Action (H).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onStockTradingAction(final StockTradingAction message)
    {
    }

    /**
     * Reg SHO Short Sale Price Test Restricted Indicator (Y).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onRegShoRestriction(final RegShoRestriction message)
    {
    }

    /**
     * Market Participant Position (L).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onMarketParticipantPosition(final MarketParticipantPosition message)
    {
    }

    /**
     * MWCB Decline Level (V).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onMwcbDeclineLevel(final MwcbDeclineLevel message)
    {
    }

    /**
     * MWCB Status (W).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onMwcbStatus(final MwcbStatus message)
    {
    }

    /**
     * IPO Quoting Period Update (K).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onIpoQuotingPeriodUpdate(final IpoQuotingPeriodUpdate message)
    {
    }

    /**
     * LULD Auction Collar (J).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onLuldAuctionCollar(final LuldAuctionCollar message)
    {
    }

    /**
     * Operational Halt (h).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onOperationalHalt(final OperationalHalt message)
    {
    }

    /**
     * Add Order, no MPID attribution (A).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onAddOrder(final AddOrder message)
    {
    }

    /**
     * Add Order with MPID attribution (F).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onAddOrderMpid(final AddOrderMpid message)
    {
    }

    /**
     * Order Executed (E).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onOrderExecuted(final OrderExecuted message)
    {
    }

    /**
     * Order Executed With Price (C).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onOrderExecutedWithPrice(final OrderExecutedWithPrice message)
    {
    }

    /**
     * Order Cancel (X).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onOrderCancel(final OrderCancel message)
    {
    }

    /**
     * Order Delete (D).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onOrderDelete(final OrderDelete message)
    {
    }

    /**
     * Order Replace (U).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onOrderReplace(final OrderReplace message)
    {
    }

    /**
     * Trade, non-cross (P).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onTrade(final Trade message)
    {
    }

    /**
     * Cross Trade (Q).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onCrossTrade(final CrossTrade message)
    {
    }

    /**
     * Broken Trade (B).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onBrokenTrade(final BrokenTrade message)
    {
    }

    /**
     * Net Order Imbalance Indicator (I).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onNoii(final Noii message)
    {
    }

    /**
     * Retail Price Improvement Indicator (N).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onRpii(final Rpii message)
    {
    }

    /**
     * Direct Listing with Capital Raise Price Discovery (O).
     *
     * @param message wrapped over the message; valid during the call.
     */
    default void onDlcrPriceDiscovery(final DlcrPriceDiscovery message)
    {
    }

    /**
     * A message whose type byte is not one of the 23 ITCH 5.0 types; the framing length lets the
     * caller skip it.
     *
     * @param type   the type byte found.
     * @param buffer holding the message.
     * @param offset of the message (its type byte).
     * @param length framing length of the message.
     */
    default void onUnknownType(final byte type, final DirectBuffer buffer, final int offset, final int length)
    {
    }

    /**
     * A message of a known type whose framing length is not the type's fixed length.
     *
     * @param type           the type byte found.
     * @param expectedLength the type's fixed length.
     * @param buffer         holding the message.
     * @param offset         of the message (its type byte).
     * @param length         framing length of the message.
     */
    default void onLengthMismatch(
        final byte type, final int expectedLength, final DirectBuffer buffer, final int offset, final int length)
    {
    }

    /**
     * A message of length 0: it has no type byte. (BinaryFILE uses a 0 length prefix as its
     * end-of-session marker, which the file reader handles before the dispatcher.)
     *
     * @param buffer holding the message.
     * @param offset where the message would start.
     */
    default void onEmptyMessage(final DirectBuffer buffer, final int offset)
    {
    }
}
