package dev.llmtracing.record;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.WritableJson;
import org.springframework.util.ObjectUtils;

/**
 * A value rendered as JSON text exactly as Spring Boot's {@code JsonWriter} writes it
 * (the same escapes, numbers by {@code toString()}, iterables and arrays as arrays, maps
 * as objects), so that its structured logging encoder can append it in one call.
 *
 * @param json the JSON text
 * @author llm-tracing
 */
record RenderedJson(String json) implements WritableJson {

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	@Override
	public void to(Appendable out) throws java.io.IOException {
		out.append(this.json);
	}

	@Override
	public String toString() {
		return this.json;
	}

	/**
	 * Render a value.
	 * @param value the value
	 * @param buffer a buffer to render into, emptied first
	 * @return the rendered value
	 */
	static RenderedJson of(@Nullable Object value, StringBuilder buffer) {
		buffer.setLength(0);
		render(buffer, value);
		return new RenderedJson(buffer.toString());
	}

	private static void render(StringBuilder out, @Nullable Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof WritableJson json) {
			out.append(json.toJsonString());
		}
		else if (value instanceof Iterable<?> iterable && !(value instanceof Path)) {
			array(out, iterable.iterator());
		}
		else if (ObjectUtils.isArray(value)) {
			array(out, java.util.Arrays.asList(ObjectUtils.toObjectArray(value)).iterator());
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				string(out, String.valueOf(entry.getKey()));
				out.append(':');
				render(out, entry.getValue());
			}
			out.append('}');
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else {
			string(out, value.toString());
		}
	}

	private static void array(StringBuilder out, Iterator<?> elements) {
		out.append('[');
		boolean first = true;
		while (elements.hasNext()) {
			if (!first) {
				out.append(',');
			}
			first = false;
			render(out, elements.next());
		}
		out.append(']');
	}

	/**
	 * Append a JSON string with Boot's escapes: the runs of characters that need none in
	 * one append each, so a long text is copied in bulk.
	 */
	private static void string(StringBuilder out, String string) {
		out.append('"');
		int length = string.length();
		int run = 0;
		for (int i = 0; i < length; i++) {
			char ch = string.charAt(i);
			if (!needsEscape(ch)) {
				continue;
			}
			out.append(string, run, i);
			run = i + 1;
			switch (ch) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> out.append("\\u").append(HEX.toHexDigits(ch));
			}
		}
		out.append(string, run, length);
		out.append('"');
	}

	private static boolean needsEscape(char ch) {
		return ch == '"' || ch == '\\' || Character.isISOControl(ch);
	}

}
