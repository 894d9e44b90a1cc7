package dev.llmtracing.record;

/**
 * Told of a finished model call on the caller's thread, before the response is handed
 * back, for the one case where losing a record is worse than failing the call: a
 * fail-closed audit trail. Unlike an {@link ExchangeListener}, it runs synchronously, so
 * the caller waits for it, and an exception it throws fails a {@code call()} with that
 * exception. Not an extension point: it exists for
 * {@code llm.tracing.audit.on-failure=fail-closed}.
 *
 * @author llm-tracing
 */
@FunctionalInterface
public interface RequiredExchangeListener {

	/**
	 * Called once for each finished exchange, before the model call returns.
	 * @param record the record of the exchange
	 * @throws RuntimeException if the record could not be kept; the model call then fails
	 * with it
	 */
	void onExchange(ExchangeRecord record);

}
