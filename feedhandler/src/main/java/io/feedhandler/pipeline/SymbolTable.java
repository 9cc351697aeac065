package io.feedhandler.pipeline;

import io.feedhandler.itch50.Symbols;

import java.nio.charset.StandardCharsets;

/**
 * Stock locate to symbol, learned from the Stock Directory (R) and from any message that names
 * its stock, with the record key (the trimmed ASCII symbol) built once per locate.
 *
 * <p>Written by the encoder stage, which stores the key of each record in the event: key arrays are
 * replaced, never changed, so a record keeps the key it was encoded with.
 * A locate never named (a file that starts after the directory) is keyed {@code #<locate>} so
 * its records still share one partition; market-wide records (locate 0) are keyed by the exchange.
 */
public final class SymbolTable
{
    private static final int LOCATES = 65536;

    private final long[] symbols = new long[LOCATES];
    private final byte[][] keys = new byte[LOCATES][];
    private final byte[] exchangeKey;

    /** @param exchange name keying market-wide records. */
    public SymbolTable(final String exchange)
    {
        this.exchangeKey = exchange.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Learn or confirm a locate's symbol; allocates only when the symbol is new for the locate.
     *
     * @param locate stock locate.
     * @param symbol 8-byte packed symbol as sent.
     */
    public void learn(final int locate, final long symbol)
    {
        if (locate != 0 && symbols[locate] != symbol && Symbols.isWellFormed(symbol))
        {
            symbols[locate] = symbol;
            keys[locate] = Symbols.decode(symbol).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * @param locate stock locate.
     * @return the record key: symbol, {@code #<locate>} if unknown, the exchange for locate 0.
     */
    public byte[] key(final int locate)
    {
        if (locate == 0)
        {
            return exchangeKey;
        }
        byte[] key = keys[locate];
        if (key == null)
        {
            key = ("#" + locate).getBytes(StandardCharsets.US_ASCII);
            keys[locate] = key;
        }
        return key;
    }

    /**
     * @param locate stock locate.
     * @return the packed symbol, or 0 if not known.
     */
    public long symbol(final int locate)
    {
        return symbols[locate];
    }
}
