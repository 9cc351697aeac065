package io.feedhandler.transport.soupbintcp;

import java.util.concurrent.atomic.LongAdder;

/** What the SoupBinTCP session client has done, for the run summary and tests. Written by its thread only. */
public final class SessionCounters
{
    /** TCP connections made. */
    public final LongAdder connects = new LongAdder();
    /** Connection attempts that failed (refused, unreachable, timed out). */
    public final LongAdder connectFailures = new LongAdder();
    /** Login Accepted. */
    public final LongAdder loginsAccepted = new LongAdder();
    /** Login Rejected, any reason. */
    public final LongAdder loginsRejected = new LongAdder();
    /** Connections lost or closed before the end of session (by the server, the network or a timeout). */
    public final LongAdder disconnects = new LongAdder();
    /** Connections closed because nothing was received for {@code soupbintcp.timeout-ms}. */
    public final LongAdder timeouts = new LongAdder();
    /** Sequenced messages put on the ring. */
    public final LongAdder messages = new LongAdder();
    /** Sequenced messages below the next expected number (a server replaying more than asked), skipped. */
    public final LongAdder duplicates = new LongAdder();
    /** Times the ring was full and reading stopped (TCP back-pressure) until it had room. */
    public final LongAdder ringFull = new LongAdder();
    /** Milliseconds of reconnect backoff scheduled so far (the growing wait between tries, counted when scheduled). */
    public final LongAdder reconnectWaitMillis = new LongAdder();
    /** Server heartbeats received. */
    public final LongAdder heartbeatsReceived = new LongAdder();
    /** Client heartbeats sent. */
    public final LongAdder heartbeatsSent = new LongAdder();
    /** Packets of an unknown type or malformed, skipped. */
    public final LongAdder malformed = new LongAdder();
    /** Sessions ended (End of Session received). */
    public final LongAdder sessionsEnded = new LongAdder();
}
