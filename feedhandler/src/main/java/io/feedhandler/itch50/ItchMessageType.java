package io.feedhandler.itch50;

/**
 * The 23 message types of NASDAQ TotalView-ITCH 5.0 and their fixed lengths.
 *
 * <p>The length of every ITCH 5.0 message is fixed by its type; the framing (BinaryFILE,
 * MoldUDP64, SoupBinTCP) carries it too, and a disagreement between the two means the record is
 * malformed. Lookup is a 256-entry table, so checking a message costs one array read.
 */
public final class ItchMessageType
{
    public static final byte SYSTEM_EVENT = 'S';
    public static final byte STOCK_DIRECTORY = 'R';
    public static final byte STOCK_TRADING_ACTION = 'H';
    public static final byte REG_SHO_RESTRICTION = 'Y';
    public static final byte MARKET_PARTICIPANT_POSITION = 'L';
    public static final byte MWCB_DECLINE_LEVEL = 'V';
    public static final byte MWCB_STATUS = 'W';
    public static final byte IPO_QUOTING_PERIOD_UPDATE = 'K';
    public static final byte LULD_AUCTION_COLLAR = 'J';
    public static final byte OPERATIONAL_HALT = 'h';
    public static final byte ADD_ORDER = 'A';
    public static final byte ADD_ORDER_MPID = 'F';
    public static final byte ORDER_EXECUTED = 'E';
    public static final byte ORDER_EXECUTED_WITH_PRICE = 'C';
    public static final byte ORDER_CANCEL = 'X';
    public static final byte ORDER_DELETE = 'D';
    public static final byte ORDER_REPLACE = 'U';
    public static final byte TRADE = 'P';
    public static final byte CROSS_TRADE = 'Q';
    public static final byte BROKEN_TRADE = 'B';
    public static final byte NOII = 'I';
    public static final byte RPII = 'N';
    public static final byte DLCR_PRICE_DISCOVERY = 'O';

    /** Every type byte, in the order of the specification. */
    public static final String ALL = "SRHYLVWKJhAFECXDUPQBINO";

    /** The largest ITCH 5.0 message (NOII), in bytes. */
    public static final int MAX_LENGTH = 50;

    private static final byte[] LENGTHS = new byte[256];

    static
    {
        final int[] lengths = {12, 39, 25, 20, 26, 35, 12, 28, 35, 21, 36, 40, 31, 36, 23, 19, 35, 44, 40, 19, 50, 20, 48};
        for (int i = 0; i < ALL.length(); i++)
        {
            LENGTHS[ALL.charAt(i)] = (byte)lengths[i];
        }
    }

    private ItchMessageType()
    {
    }

    /**
     * @param type the message type byte.
     * @return the fixed length of a message of that type, or 0 if the type is not ITCH 5.0.
     */
    public static int length(final byte type)
    {
        return LENGTHS[type & 0xFF];
    }

    /**
     * @param type the message type byte.
     * @return true if it is one of the 23 ITCH 5.0 types.
     */
    public static boolean isKnown(final byte type)
    {
        return LENGTHS[type & 0xFF] != 0;
    }

    /**
     * @param type a type byte, known or not.
     * @return a printable rendering for messages and JSON keys: the character, or {@code 0xNN}.
     */
    public static String describe(final byte type)
    {
        final int b = type & 0xFF;
        return b >= 0x21 && b <= 0x7E ? String.valueOf((char)b) : String.format("0x%02X", b);
    }
}
