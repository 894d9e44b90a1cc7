package dev.llmtracing.autoconfigure.explorer;

import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Estimates the size in bytes of a JSON-ready value (maps, lists, strings, numbers,
 * booleans) as written: the characters of its JSON, with two bytes for each character
 * outside Latin-1, and a fixed overhead per value for the objects that hold it in memory.
 *
 * @author llm-tracing
 */
final class JsonSizes {

	/**
	 * The bytes counted for each value apart from its text: object headers, references
	 * and map entries.
	 */
	static final int OVERHEAD = 32;

	private JsonSizes() {
	}

	/**
	 * Return the estimated size of a value.
	 * @param value the value
	 * @return its estimated size in bytes
	 */
	static long estimate(@Nullable Object value) {
		if (value == null) {
			return 4;
		}
		if (value instanceof CharSequence text) {
			return OVERHEAD + 2 + text(text);
		}
		if (value instanceof Map<?, ?> map) {
			long size = OVERHEAD + 2;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size += OVERHEAD + 4 + text(String.valueOf(entry.getKey())) + estimate(entry.getValue());
			}
			return size;
		}
		if (value instanceof Collection<?> collection) {
			long size = OVERHEAD + 2;
			for (Object element : collection) {
				size += 1 + estimate(element);
			}
			return size;
		}
		return OVERHEAD + String.valueOf(value).length();
	}

	private static long text(CharSequence text) {
		long size = text.length();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c > 0xFF) {
				size++;
			}
			else if (c < 0x20 || c == '"' || c == '\\') {
				size += 5;
			}
		}
		return size;
	}

}
