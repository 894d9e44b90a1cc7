package dev.llmtracing.autoconfigure.explorer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.llmtracing.request.RequestActivity;
import dev.llmtracing.request.RequestRecord;

/**
 * One request held by {@link RecentRequests}: its record, the fields of its request
 * record, and those of its exchange records and feedback as they arrive. Guarded by the
 * ring's lock.
 *
 * @author llm-tracing
 */
final class RecentRequest {

	/**
	 * The most feedback records kept per request; further ones are not.
	 */
	static final int MAX_FEEDBACK = 50;

	final RequestRecord record;

	private final Map<String, Object> fields;

	private final List<Map<String, Object>> activities;

	private final Map<String, Map<String, Object>> exchanges = new LinkedHashMap<>();

	private final Set<String> models = new LinkedHashSet<>();

	private final List<Map<String, Object>> feedback = new ArrayList<>();

	private long bytes;

	RecentRequest(RequestRecord record, Map<String, Object> fields) {
		this.record = record;
		this.fields = fields;
		this.activities = activities(record);
		this.bytes = JsonSizes.estimate(fields) + JsonSizes.estimate(this.activities);
	}

	/**
	 * Return the request's activities as JSON-ready fields, in milliseconds with three
	 * decimals so that short stages keep their place on the time axis.
	 */
	private static List<Map<String, Object>> activities(RequestRecord record) {
		List<Map<String, Object>> activities = new ArrayList<>(record.activities().size());
		for (RequestActivity activity : record.activities()) {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("part", activity.part());
			fields.put("name", activity.name());
			fields.put("offsetMs", millis(activity.offset()));
			fields.put("durationMs", millis(activity.duration()));
			activities.add(fields);
		}
		return List.copyOf(activities);
	}

	private static double millis(Duration duration) {
		return Math.round(duration.toNanos() / 1_000.0) / 1_000.0;
	}

	void addExchange(String exchangeId, ExchangeFieldsEntry exchange) {
		if (this.exchanges.putIfAbsent(exchangeId, exchange.fields()) == null) {
			this.bytes += exchange.bytes();
			if (exchange.model() != null) {
				this.models.add(exchange.model());
			}
		}
	}

	boolean addFeedback(Map<String, Object> fields) {
		if (this.feedback.size() >= MAX_FEEDBACK) {
			return false;
		}
		this.feedback.add(fields);
		this.bytes += JsonSizes.estimate(fields);
		return true;
	}

	long bytes() {
		return this.bytes;
	}

	boolean usedModel(String model) {
		return this.models.contains(model);
	}

	/**
	 * Return a copy of what is known of the request, safe to hand out of the lock.
	 * @return the request record's fields, its activities on the time axis, the exchange
	 * records in the order of the request record's exchange IDs, and the feedback
	 */
	Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("request", this.fields);
		map.put("activities", this.activities);
		List<Map<String, Object>> exchanges = new ArrayList<>(this.exchanges.size());
		for (String exchangeId : this.record.exchangeIds()) {
			Map<String, Object> exchange = this.exchanges.get(exchangeId);
			if (exchange != null) {
				exchanges.add(exchange);
			}
		}
		map.put("exchanges", exchanges);
		map.put("feedback", List.copyOf(this.feedback));
		return map;
	}

}
