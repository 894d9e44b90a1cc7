package dev.llmtracing.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/**
 * The key-value pairs of a record written through {@link BootStructuredLogShortcut}: the
 * IDs and the facts of a record, their values {@link RenderedJson rendered}, grouped the
 * way the encoder would group them or each on its own.
 *
 * @author llm-tracing
 */
final class RenderedFields {

	private static final int MAX_NAMES_KEPT = 1024;

	private static final Map<String, String[]> PARTS = new ConcurrentHashMap<>();

	private RenderedFields() {
	}

	/**
	 * Return the pairs of the cheaper event: the IDs in the order of the MDC they would
	 * otherwise be in, then the facts, their values rendered.
	 * @return the pairs, or {@code null} if two names clash (the encoder would fail on
	 * them either way)
	 */
	static @Nullable List<KeyValuePair> pairs(Shape shape, Map<String, String> ids, Map<String, Object> facts) {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (shape == Shape.GROUPED) {
			for (Map.Entry<String, String> id : new HashMap<>(ids).entrySet()) {
				if (!group(fields, id.getKey(), id.getValue())) {
					return null;
				}
			}
			for (Map.Entry<String, Object> fact : facts.entrySet()) {
				if (!group(fields, fact.getKey(), fact.getValue())) {
					return null;
				}
			}
		}
		else {
			new HashMap<>(ids).forEach(fields::put);
			for (Map.Entry<String, Object> fact : facts.entrySet()) {
				if (fields.putIfAbsent(fact.getKey(), fact.getValue()) != null) {
					return null;
				}
			}
		}
		List<KeyValuePair> pairs = new ArrayList<>(fields.size());
		StringBuilder buffer = new StringBuilder(256);
		fields.forEach((name, value) -> pairs.add(new KeyValuePair(name,
				(value instanceof Number || value instanceof Boolean) ? value : RenderedJson.of(value, buffer))));
		return pairs;
	}

	/**
	 * Add a field to a tree of fields split at each dot, as Boot's nested formats do.
	 */
	@SuppressWarnings("unchecked")
	private static boolean group(Map<String, Object> fields, String name, Object value) {
		String[] parts = parts(name);
		Map<String, Object> destination = fields;
		for (int i = 0; i < parts.length - 1; i++) {
			Object existing = destination.computeIfAbsent(parts[i], (key) -> new LinkedHashMap<String, Object>());
			if (!(existing instanceof Map)) {
				return false;
			}
			destination = (Map<String, Object>) existing;
		}
		return parts.length > 0 && destination.putIfAbsent(parts[parts.length - 1], value) == null;
	}

	/**
	 * Split a name at its dots, as Boot's nested formats do. The names are the record's
	 * field names, a few dozen, so their parts are kept.
	 */
	private static String[] parts(String name) {
		String[] parts = PARTS.get(name);
		if (parts == null) {
			parts = name.split("\\.");
			if (PARTS.size() < MAX_NAMES_KEPT) {
				PARTS.put(name, parts);
			}
		}
		return parts;
	}

	/**
	 * How the fields are handed to the encoder.
	 */
	enum Shape {

		/** Fields grouped by the first parts of their names, for nested formats. */
		GROUPED,

		/** Each field on its own, its value rendered. */
		VALUES,

		/** The standard way. */
		OFF

	}

}
