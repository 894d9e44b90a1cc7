package dev.llmtracing.autoconfigure.explorer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.llmtracing.autoconfigure.feedback.FeedbackRecordFields;
import dev.llmtracing.autoconfigure.request.RequestRecordFields;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.feedback.FeedbackListener;
import dev.llmtracing.feedback.FeedbackRecord;
import dev.llmtracing.record.ExchangeListener;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.ExchangeRecordFields;
import dev.llmtracing.request.RequestListener;
import dev.llmtracing.request.RequestRecord;

/**
 * A bounded ring of the most recent requests, each with the records of its model calls
 * and its feedback, bounded both by the number of requests and by their estimated size:
 * the oldest request goes first. An exchange too large for the ring on its own keeps its
 * IDs, facts and digests but not its messages.
 * <p>
 * Told of records on the exchange dispatcher's thread, and read by the endpoint on
 * request threads: one lock guards it, held only to copy references.
 *
 * @author llm-tracing
 */
final class RecentRequests implements RequestListener, ExchangeListener, FeedbackListener {

	private final int maxRequests;

	private final long maxBytes;

	private final MdcKeys keys;

	private final ArrayDeque<RecentRequest> requests = new ArrayDeque<>();

	private final Map<String, RecentRequest> byRequestId = new HashMap<>();

	private final Map<String, RecentRequest> byExchangeId = new HashMap<>();

	/**
	 * Exchanges whose request record has not arrived yet, oldest first.
	 */
	private final LinkedHashMap<String, ExchangeFieldsEntry> pending = new LinkedHashMap<>();

	private long bytes;

	private long dropped;

	/**
	 * Create a ring.
	 * @param maxRequests the most requests kept
	 * @param maxBytes the largest estimated size of what is kept
	 * @param keys the field names of the request, context and user IDs
	 */
	RecentRequests(int maxRequests, long maxBytes, MdcKeys keys) {
		this.maxRequests = maxRequests;
		this.maxBytes = maxBytes;
		this.keys = keys;
	}

	@Override
	public void onExchange(ExchangeRecord record) {
		ExchangeFieldsEntry exchange = fit(
				new ExchangeFieldsEntry(ExchangeRecordFields.all(record, this.keys), record.model()), 0);
		String exchangeId = record.ids().exchangeId();
		synchronized (this) {
			RecentRequest request = this.byExchangeId.get(exchangeId);
			if (request != null) {
				long before = request.bytes();
				request.addExchange(exchangeId, fit(exchange, before));
				this.bytes += request.bytes() - before;
			}
			else if (record.ids().requestId() != null && this.pending.putIfAbsent(exchangeId, exchange) == null) {
				this.bytes += exchange.bytes();
			}
			evict();
		}
	}

	@Override
	public void onRequest(RequestRecord record) {
		RecentRequest request = new RecentRequest(record, RequestRecordFields.all(record, this.keys));
		synchronized (this) {
			RecentRequest previous = (record.ids().requestId() != null)
					? this.byRequestId.put(record.ids().requestId(), request) : null;
			if (previous != null) {
				remove(previous);
			}
			this.requests.addLast(request);
			this.bytes += request.bytes();
			for (String exchangeId : record.exchangeIds()) {
				this.byExchangeId.put(exchangeId, request);
				ExchangeFieldsEntry exchange = this.pending.remove(exchangeId);
				if (exchange != null) {
					this.bytes -= exchange.bytes();
					long before = request.bytes();
					request.addExchange(exchangeId, fit(exchange, before));
					this.bytes += request.bytes() - before;
				}
			}
			evict();
		}
	}

	@Override
	public void onFeedback(FeedbackRecord feedback) {
		Map<String, Object> fields = new LinkedHashMap<>(FeedbackRecordFields.ids(feedback, this.keys));
		fields.putAll(FeedbackRecordFields.facts(feedback));
		fields.put("time", feedback.time().toString());
		synchronized (this) {
			RecentRequest request = (feedback.exchangeId() != null) ? this.byExchangeId.get(feedback.exchangeId())
					: null;
			if (request == null && feedback.requestId() != null) {
				request = this.byRequestId.get(feedback.requestId());
			}
			if (request != null) {
				long before = request.bytes();
				if (request.addFeedback(fields)) {
					this.bytes += request.bytes() - before;
					evict();
				}
			}
		}
	}

	/**
	 * Return the requests that match, newest first.
	 * @param filter which requests to return
	 * @param limit the most requests to return
	 * @return each request's record fields, exchange records and feedback
	 */
	List<Map<String, Object>> find(Predicate<RecentRequest> filter, int limit) {
		List<Map<String, Object>> found = new ArrayList<>();
		synchronized (this) {
			Iterator<RecentRequest> newestFirst = this.requests.descendingIterator();
			while (newestFirst.hasNext() && found.size() < limit) {
				RecentRequest request = newestFirst.next();
				if (filter.test(request)) {
					found.add(request.toMap());
				}
			}
		}
		return found;
	}

	/**
	 * Return the state of the ring: how many requests and bytes it holds, its bounds and
	 * how many requests it dropped.
	 * @return the state, as JSON-ready fields
	 */
	synchronized Map<String, Object> state() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("requests", this.requests.size());
		state.put("maxRequests", this.maxRequests);
		state.put("bytes", this.bytes);
		state.put("maxBytes", this.maxBytes);
		state.put("dropped", this.dropped);
		return state;
	}

	synchronized long bytes() {
		return this.bytes;
	}

	private ExchangeFieldsEntry fit(ExchangeFieldsEntry exchange, long requestBytes) {
		return (requestBytes + exchange.bytes() > this.maxBytes) ? exchange.withoutMessages() : exchange;
	}

	/**
	 * Drop the oldest requests, then the oldest waiting exchanges, until both bounds
	 * hold. The newest request goes last: it fits on its own.
	 */
	private void evict() {
		while (this.requests.size() > this.maxRequests || (this.requests.size() > 1 && this.bytes > this.maxBytes)) {
			dropOldest();
		}
		while (!this.pending.isEmpty() && (this.pending.size() > this.maxRequests || this.bytes > this.maxBytes)) {
			Iterator<ExchangeFieldsEntry> oldest = this.pending.values().iterator();
			this.bytes -= oldest.next().bytes();
			oldest.remove();
		}
		if (!this.requests.isEmpty() && this.bytes > this.maxBytes) {
			dropOldest();
		}
	}

	private void dropOldest() {
		RecentRequest oldest = this.requests.peekFirst();
		remove(oldest);
		String requestId = oldest.record.ids().requestId();
		if (requestId != null) {
			this.byRequestId.remove(requestId, oldest);
		}
		this.dropped++;
	}

	private void remove(RecentRequest request) {
		this.requests.remove(request);
		this.bytes -= request.bytes();
		for (String exchangeId : request.record.exchangeIds()) {
			this.byExchangeId.remove(exchangeId, request);
		}
	}

}
