/**
 * Order books built from the ITCH order events: {@link io.feedhandler.book.OrderBooks} (every
 * book of a feed and the order map), {@link io.feedhandler.book.OrderBook} (one locate),
 * {@link io.feedhandler.book.BookSide} (price levels, best at a fixed place), pooled
 * {@link io.feedhandler.book.Order}s and {@link io.feedhandler.book.PriceLevel}s, and the
 * {@link io.feedhandler.book.BookListener} that hears trades, quotes and anomalies. Nothing here
 * knows about Avro or Kafka.
 */
package io.feedhandler.book;
