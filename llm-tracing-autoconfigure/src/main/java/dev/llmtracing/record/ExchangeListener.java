package dev.llmtracing.record;

/**
 * Told of every finished exchange, off the caller's thread. Implementations must be
 * thread-safe; an exception they throw is counted and otherwise ignored.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@FunctionalInterface
public interface ExchangeListener {

	/**
	 * Called once for each finished exchange.
	 * @param record the record of the exchange
	 */
	void onExchange(ExchangeRecord record);

}
