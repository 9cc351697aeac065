package io.feedhandler.itch50;

/** The Buy/Sell Indicator of A, F and P messages; an order keeps its side through U (Order Replace). */
public final class Side
{
    /** Buy side. */
    public static final byte BUY = 'B';

    /** Sell side. */
    public static final byte SELL = 'S';

    private Side()
    {
    }
}
