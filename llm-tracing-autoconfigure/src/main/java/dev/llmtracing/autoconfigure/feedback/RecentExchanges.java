package dev.llmtracing.autoconfigure.feedback;

import java.util.Map;

import dev.llmtracing.feedback.Feedback;
import dev.llmtracing.feedback.RatedExchange;
import dev.llmtracing.record.ExchangeListener;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.support.BoundedMap;
import org.jspecify.annotations.Nullable;

/**
 * The bounded in-memory index of recent exchanges that feedback is linked to: by exchange
 * ID, and the last exchange of each request by request ID. Fed as an
 * {@link ExchangeListener} on the dispatcher's thread; the oldest entries leave first.
 * Feedback on an exchange that has left, or that another instance served, is recorded
 * unlinked and joined in the log store by its IDs.
 *
 * @author llm-tracing
 */
final class RecentExchanges implements ExchangeListener {

	private final Map<String, RatedExchange> byExchange;

	private final Map<String, RatedExchange> lastByRequest;

	/**
	 * Create an index.
	 * @param capacity the most exchanges, and the most requests, kept
	 */
	RecentExchanges(int capacity) {
		this.byExchange = BoundedMap.firstInFirstOut(capacity);
		this.lastByRequest = BoundedMap.firstInFirstOut(capacity);
	}

	@Override
	public void onExchange(ExchangeRecord record) {
		RatedExchange exchange = new RatedExchange(record.ids().exchangeId(), record.ids().requestId(),
				record.request().requestModel(), record.response().responseModel(), record.request().providerName(),
				record.request().promptName(), record.request().promptVersion(), record.response().responseId(),
				record.ids().traceId(), record.ids().spanId());
		synchronized (this) {
			this.byExchange.put(exchange.exchangeId(), exchange);
			if (exchange.requestId() != null) {
				this.lastByRequest.put(exchange.requestId(), exchange);
			}
		}
	}

	/**
	 * Find the exchange that feedback rates: the exchange it names, or the last exchange
	 * of the request it names.
	 * @param feedback the feedback
	 * @return the exchange, or {@code null} if it is not in the index
	 */
	@Nullable RatedExchange findRated(Feedback feedback) {
		String exchangeId = feedback.exchangeId();
		if (exchangeId != null) {
			return findExchange(exchangeId);
		}
		String requestId = feedback.requestId();
		return (requestId != null) ? findLastOfRequest(requestId) : null;
	}

	/**
	 * Find an exchange.
	 * @param exchangeId the exchange ID
	 * @return the exchange, or {@code null} if it is not in the index
	 */
	synchronized @Nullable RatedExchange findExchange(String exchangeId) {
		return this.byExchange.get(exchangeId);
	}

	/**
	 * Find the last exchange of a request.
	 * @param requestId the request ID
	 * @return the exchange, or {@code null} if no exchange of the request is in the index
	 */
	synchronized @Nullable RatedExchange findLastOfRequest(String requestId) {
		return this.lastByRequest.get(requestId);
	}

}
