package io.feedhandler.kafka.broker;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real in-process KRaft broker for a test class: started before its first test, closed after
 * its last. Register it as {@code @RegisterExtension static final BrokerExtension BROKER = new BrokerExtension();}.
 */
public final class BrokerExtension implements BeforeAllCallback, AfterAllCallback
{
    private EmbeddedKafkaBroker broker;

    @Override
    public void beforeAll(final ExtensionContext context) throws Exception
    {
        broker = EmbeddedKafkaBroker.start();
    }

    @Override
    public void afterAll(final ExtensionContext context)
    {
        if (broker != null)
        {
            broker.close();
            broker = null;
        }
    }

    /** @return the running broker. */
    public EmbeddedKafkaBroker broker()
    {
        return broker;
    }

    /** @return its bootstrap servers. */
    public String bootstrapServers()
    {
        return broker.bootstrapServers();
    }
}
