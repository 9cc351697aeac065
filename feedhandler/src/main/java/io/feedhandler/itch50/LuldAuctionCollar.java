package io.feedhandler.itch50;

/**
 * LULD Auction Collar (J): the price collars for a limit up-limit down reopening auction.
 *
 * <pre>
 * 0            11        19          23         27         31          35
 * +------------+---------+-----------+----------+----------+-----------+
 * | header 'J' | Stock   | Ref Price | Upper    | Lower    | Extension |
 * | 11 bytes   | alpha 8 | price(4)  | price(4) | price(4) | u32       |
 * +------------+---------+-----------+----------+----------+-----------+
 * </pre>
 */
public final class LuldAuctionCollar extends ItchMessage<LuldAuctionCollar>
{
    /** Length of the message in bytes. */
    public static final int LENGTH = ItchMessageType.length(ItchMessageType.LULD_AUCTION_COLLAR);

    private static final int STOCK_OFFSET = 11;
    private static final int AUCTION_COLLAR_REFERENCE_PRICE_OFFSET = 19;
    private static final int UPPER_AUCTION_COLLAR_PRICE_OFFSET = 23;
    private static final int LOWER_AUCTION_COLLAR_PRICE_OFFSET = 27;
    private static final int AUCTION_COLLAR_EXTENSION_OFFSET = 31;

    /** Create a flyweight; {@link #wrap} or {@link #wrapForEncode} it before use. */
    public LuldAuctionCollar()
    {
        super(ItchMessageType.LULD_AUCTION_COLLAR);
    }

    /**
     * @return the stock symbol: alpha(8), left-justified and space padded, as 8 raw bytes big-endian in a
     * {@code long} (see {@link Symbols}).
     */
    public long stock()
    {
        return alpha8(STOCK_OFFSET);
    }

    /**
     * @param value the stock symbol: alpha(8), left-justified and space padded, as 8 raw bytes big-endian in
     * a {@code long} (see {@link Symbols}).
     * @return this flyweight.
     */
    public LuldAuctionCollar stock(final long value)
    {
        putAlpha8(STOCK_OFFSET, value);
        return self();
    }

    /**
     * @return the auction collar reference price: price(4), 4 implied decimals, read unsigned (see
     * {@link Prices}).
     */
    public long auctionCollarReferencePrice()
    {
        return uint32(AUCTION_COLLAR_REFERENCE_PRICE_OFFSET);
    }

    /**
     * @param value the auction collar reference price: price(4), 4 implied decimals, read unsigned (see
     * {@link Prices}).
     * @return this flyweight.
     */
    public LuldAuctionCollar auctionCollarReferencePrice(final long value)
    {
        putUint32(AUCTION_COLLAR_REFERENCE_PRICE_OFFSET, value);
        return self();
    }

    /**
     * @return the upper auction collar price: price(4), 4 implied decimals, read unsigned (see
     * {@link Prices}).
     */
    public long upperAuctionCollarPrice()
    {
        return uint32(UPPER_AUCTION_COLLAR_PRICE_OFFSET);
    }

    /**
     * @param value the upper auction collar price: price(4), 4 implied decimals, read unsigned (see
     * {@link Prices}).
     * @return this flyweight.
     */
    public LuldAuctionCollar upperAuctionCollarPrice(final long value)
    {
        putUint32(UPPER_AUCTION_COLLAR_PRICE_OFFSET, value);
        return self();
    }

    /**
     * @return the lower auction collar price: price(4), 4 implied decimals, read unsigned (see
     * {@link Prices}).
     */
    public long lowerAuctionCollarPrice()
    {
        return uint32(LOWER_AUCTION_COLLAR_PRICE_OFFSET);
    }

    /**
     * @param value the lower auction collar price: price(4), 4 implied decimals, read unsigned (see
     * {@link Prices}).
     * @return this flyweight.
     */
    public LuldAuctionCollar lowerAuctionCollarPrice(final long value)
    {
        putUint32(LOWER_AUCTION_COLLAR_PRICE_OFFSET, value);
        return self();
    }

    /** @return how many times the halt has been extended (uint32). */
    public long auctionCollarExtension()
    {
        return uint32(AUCTION_COLLAR_EXTENSION_OFFSET);
    }

    /**
     * @param value how many times the halt has been extended (uint32).
     * @return this flyweight.
     */
    public LuldAuctionCollar auctionCollarExtension(final long value)
    {
        putUint32(AUCTION_COLLAR_EXTENSION_OFFSET, value);
        return self();
    }
}
