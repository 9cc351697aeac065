package io.feedhandler.sim;

import io.feedhandler.transport.soupbintcp.Credentials;
import io.feedhandler.transport.soupbintcp.LoginAccepted;
import io.feedhandler.transport.soupbintcp.LoginRejected;
import io.feedhandler.transport.soupbintcp.LoginRequest;
import io.feedhandler.transport.soupbintcp.SoupBinTcp;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The exchange's SoupBinTCP server, for {@code feedhandler simulate} and tests: serves one
 * session's messages (a {@link MessageStore}) to any number of clients, each logging in with a
 * sequence number. The session "happens" at a rate from the moment the server starts: a client
 * gets what it asks for up to now at full speed, then follows live. Threads per connection
 * (blocking sockets): the simulator is not the hot path.
 *
 * <ul>
 *   <li>Login: bad username/password: rejected {@code A}; a session other than this one:
 *       rejected {@code S}; sequence 0 joins live, N resumes at N (past the end: the end).</li>
 *   <li>Heartbeats after {@code heartbeatMillis} of silence; End of Session after the last
 *       message; the client's Logout closes the connection.</li>
 *   <li>Dropped connections: {@code dropConnections} seeded random sequence numbers; the first
 *       connection that is about to send one is closed abruptly there (each point once).</li>
 * </ul>
 */
public final class SoupBinTcpServer implements AutoCloseable
{
    private static final Logger LOG = LogManager.getLogger(SoupBinTcpServer.class);
    private static final int BATCH = 512;

    /**
     * @param address          where to listen.
     * @param session          the session name (at most 10 characters).
     * @param credentials      what a login must carry ({@link Credentials#NONE}: blank).
     * @param rate             messages per second the session produces; 0: all at once.
     * @param heartbeatMillis  server heartbeat after this long without sending.
     * @param dropConnections  connections to drop mid-stream, at seeded random sequence numbers.
     * @param seed             of the drop points.
     */
    public record Settings(InetSocketAddress address, String session, Credentials credentials, long rate,
        long heartbeatMillis, int dropConnections, long seed)
    {
    }

    private final Settings settings;
    private final MessageStore store;
    private final Set<Long> dropPoints = ConcurrentHashMap.newKeySet();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong logins = new AtomicLong();
    private final AtomicLong rejections = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    private ServerSocket listener;
    private Thread acceptor;
    private long startNanos;
    private volatile boolean closed;

    /**
     * @param settings how to serve.
     * @param store    the session's messages (sequence numbers 1..count).
     */
    public SoupBinTcpServer(final Settings settings, final MessageStore store)
    {
        this.settings = settings;
        this.store = store;
        final Random random = new Random(settings.seed());
        while (dropPoints.size() < Math.min(settings.dropConnections(), Math.max(0, store.count() - 1)))
        {
            dropPoints.add(2 + (long)random.nextInt(store.count() - 1));
        }
    }

    /**
     * Listen and start the session's clock.
     *
     * @return this.
     * @throws IOException if the address cannot be bound (the message names it).
     */
    public SoupBinTcpServer start() throws IOException
    {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        try
        {
            listener.bind(settings.address());
        }
        catch (final IOException ex)
        {
            listener.close();
            throw new IOException("simulator: cannot serve SoupBinTCP on " + settings.address() + ": " + ex.getMessage(), ex);
        }
        startNanos = System.nanoTime();
        acceptor = new Thread(this::accept, "simulator-soupbintcp");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    /** @return the port listened on (useful with port 0). */
    public int port()
    {
        return listener.getLocalPort();
    }

    /** @return logins accepted. */
    public long logins()
    {
        return logins.get();
    }

    /** @return logins rejected. */
    public long rejections()
    {
        return rejections.get();
    }

    /** @return connections dropped on purpose. */
    public long dropped()
    {
        return dropped.get();
    }

    /** @return End of Session packets sent. */
    public long endsSent()
    {
        return ended.get();
    }

    /** @return the sequence numbers the session has produced so far (its clock). */
    public long available()
    {
        if (settings.rate() <= 0)
        {
            return store.count();
        }
        final long produced = (System.nanoTime() - startNanos) / 1000 * settings.rate() / 1_000_000L;
        return Math.min(store.count(), produced);
    }

    @Override
    public void close()
    {
        closed = true;
        try
        {
            if (listener != null)
            {
                listener.close();
            }
        }
        catch (final IOException ex)
        {
            LOG.debug("closing the SoupBinTCP listener", ex);
        }
        for (final Socket socket : sockets)
        {
            closeQuietly(socket);
        }
        if (acceptor != null)
        {
            try
            {
                acceptor.join(5000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void accept()
    {
        while (!closed)
        {
            try
            {
                final Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                final Thread thread = new Thread(() -> serve(socket), "simulator-soupbintcp-" + socket.getPort());
                thread.setDaemon(true);
                thread.start();
            }
            catch (final IOException ex)
            {
                if (!closed)
                {
                    LOG.warn("simulator: SoupBinTCP accept: {}", ex.toString());
                }
            }
        }
    }

    private void serve(final Socket socket)
    {
        try (socket)
        {
            final DataInputStream in = new DataInputStream(socket.getInputStream());
            final OutputStream out = socket.getOutputStream();
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024 + 8]);
            socket.setSoTimeout(15_000);
            final int length = in.readUnsignedShort();
            final byte[] packet = new byte[length + 2];
            packet[0] = (byte)(length >> 8);
            packet[1] = (byte)length;
            in.readFully(packet, 2, length);
            final LoginRequest login = new LoginRequest();
            if (packet[2] != SoupBinTcp.LOGIN_REQUEST || !login.wrap(new UnsafeBuffer(packet), 0, packet.length))
            {
                return;
            }
            final String asked = login.session();
            if (!settings.credentials().matches(login.username(), login.password()))
            {
                reject(out, buffer, LoginRejected.NOT_AUTHORIZED);
                return;
            }
            if (!asked.isEmpty() && !asked.equals(settings.session().strip()))
            {
                reject(out, buffer, LoginRejected.SESSION_NOT_AVAILABLE);
                return;
            }
            final long requested = login.sequence();
            long sequence = requested == 0 ? available() + 1 : Math.min(Math.max(1, requested), store.count() + 1L);
            out.write(buffer.byteArray(), 0, LoginAccepted.encode(buffer, 0, settings.session(), sequence));
            out.flush();
            logins.incrementAndGet();
            final Thread reader = new Thread(() -> readClient(socket, in), "simulator-soupbintcp-reader");
            reader.setDaemon(true);
            reader.start();
            long lastSent = System.nanoTime();
            final long heartbeatNanos = settings.heartbeatMillis() * 1_000_000L;
            while (!closed && !socket.isClosed())
            {
                final long available = available();
                if (sequence > store.count())
                {
                    out.write(buffer.byteArray(), 0, SoupBinTcp.putEmpty(buffer, 0, SoupBinTcp.END_OF_SESSION));
                    out.flush();
                    ended.incrementAndGet();
                    reader.join(5000);
                    return;
                }
                if (sequence > available)
                {
                    if (System.nanoTime() - lastSent >= heartbeatNanos)
                    {
                        out.write(buffer.byteArray(), 0, SoupBinTcp.putEmpty(buffer, 0, SoupBinTcp.SERVER_HEARTBEAT));
                        out.flush();
                        lastSent = System.nanoTime();
                    }
                    LockSupport.parkNanos(200_000L);
                    continue;
                }
                int position = 0;
                final long last = Math.min(available, sequence + BATCH - 1);
                while (sequence <= last)
                {
                    if (dropPoints.remove(sequence))
                    {
                        out.write(buffer.byteArray(), 0, position);
                        out.flush();
                        dropped.incrementAndGet();
                        LOG.info("simulator: dropping a SoupBinTCP connection before sequence number {}", sequence);
                        socket.setSoLinger(true, 0);
                        return;
                    }
                    final int messageLength = store.length(sequence);
                    position += SoupBinTcp.putHeader(buffer, position, SoupBinTcp.SEQUENCED_DATA, messageLength);
                    buffer.putBytes(position, store.buffer(), store.offset(sequence), messageLength);
                    position += messageLength;
                    sequence++;
                }
                out.write(buffer.byteArray(), 0, position);
                out.flush();
                lastSent = System.nanoTime();
            }
        }
        catch (final SocketException ex)
        {
            // the client went away
        }
        catch (final IOException ex)
        {
            if (!closed)
            {
                LOG.debug("simulator: SoupBinTCP connection: {}", ex.toString());
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            sockets.remove(socket);
        }
    }

    private void reject(final OutputStream out, final UnsafeBuffer buffer, final byte reason) throws IOException
    {
        rejections.incrementAndGet();
        out.write(buffer.byteArray(), 0, LoginRejected.encode(buffer, 0, reason));
        out.flush();
    }

    /** Reads heartbeats and Logout; Logout or silence for 15 s closes the connection. */
    private void readClient(final Socket socket, final InputStream input)
    {
        final DataInputStream in = new DataInputStream(input);
        try
        {
            while (!socket.isClosed())
            {
                final int length = in.readUnsignedShort();
                final byte[] packet = new byte[length];
                in.readFully(packet);
                if (length > 0 && packet[0] == SoupBinTcp.LOGOUT_REQUEST)
                {
                    break;
                }
            }
        }
        catch (final IOException ex)
        {
            // closed, timed out, or the client went away
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(final Socket socket)
    {
        try
        {
            socket.close();
        }
        catch (final IOException ex)
        {
            // closing
        }
    }
}
