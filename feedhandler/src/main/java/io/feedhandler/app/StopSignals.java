package io.feedhandler.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGTERM and SIGINT for the daemon: the first asks for the orderly stop (stop receiving, drain,
 * flush, checkpoint), a second one while that runs ends the process at once (an operator who
 * presses Ctrl-C twice, or sends a second {@code systemctl kill}, means it).
 *
 * <p>The JVM's own handling of these signals starts shutdown hooks and then ignores a second
 * signal, so the handlers are installed through the JDK's {@code sun.misc.Signal} (module
 * {@code jdk.unsupported}), reached by reflection so that the build needs no internal API. Where
 * that is not available, {@link #install} says so and the caller keeps a shutdown hook: orderly
 * stop on the first signal, no early exit on the second. {@link #close()} puts the previous
 * handlers back (the command also runs inside tests' JVMs).
 */
final class StopSignals implements AutoCloseable
{
    private static final String[] SIGNALS = {"TERM", "INT"};

    private final List<Object[]> previous = new ArrayList<>();
    private final AtomicInteger received = new AtomicInteger();

    private StopSignals()
    {
    }

    /**
     * @param first  run on the first SIGTERM or SIGINT (on the JDK's signal thread: keep it short).
     * @param second run on any later one.
     * @return the installed handlers, or null where the JDK offers no way to install them.
     */
    static StopSignals install(final Runnable first, final Runnable second)
    {
        final StopSignals signals = new StopSignals();
        try
        {
            final Class<?> signalClass = Class.forName("sun.misc.Signal");
            final Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            final Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            final InvocationHandler onSignal = (proxy, method, args) ->
            {
                switch (method.getName())
                {
                    case "handle" ->
                    {
                        if (signals.received.getAndIncrement() == 0)
                        {
                            first.run();
                        }
                        else
                        {
                            second.run();
                        }
                        return null;
                    }
                    case "hashCode" ->
                    {
                        return System.identityHashCode(proxy);
                    }
                    case "equals" ->
                    {
                        return proxy == args[0];
                    }
                    default ->
                    {
                        return "feedhandler stop signal handler";
                    }
                }
            };
            final Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, onSignal);
            for (final String name : SIGNALS)
            {
                final Object signal = signalClass.getConstructor(String.class).newInstance(name);
                signals.previous.add(new Object[] {handle, signal, handle.invoke(null, signal, handler)});
            }
            return signals;
        }
        catch (final ReflectiveOperationException | RuntimeException | LinkageError ex)
        {
            signals.close();
            return null;
        }
    }

    /** @return how many stop signals arrived. */
    int received()
    {
        return received.get();
    }

    /** Put the handlers back that were there before. */
    @Override
    public void close()
    {
        for (final Object[] restore : previous)
        {
            try
            {
                ((Method)restore[0]).invoke(null, restore[1], restore[2]);
            }
            catch (final ReflectiveOperationException | RuntimeException ex)
            {
                // Nothing to restore to: the process is ending anyway.
            }
        }
        previous.clear();
    }
}
