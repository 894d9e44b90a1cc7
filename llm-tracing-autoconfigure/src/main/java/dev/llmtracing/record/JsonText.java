package dev.llmtracing.record;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes record fields as compact JSON with a fixed, documented form: keys in map order,
 * no spaces, strings escaped as in RFC 8259 (control characters as {@code \\uXXXX} except
 * the short forms), integers as written, doubles by {@link Double#toString(double)} (and
 * non-finite ones as {@code null}), {@link BigDecimal} by
 * {@link BigDecimal#toPlainString()}. The same input always gives the same bytes, which
 * is what a hash chain over the text needs.
 *
 * @author llm-tracing
 */
public final class JsonText {

	private static final HexFormat HEX = HexFormat.of();

	private JsonText() {
	}

	/**
	 * Return the JSON text of a value.
	 * @param value a map, list, string, number, boolean or {@code null}
	 * @return the JSON text
	 */
	public static String write(@Nullable Object value) {
		StringBuilder json = new StringBuilder(256);
		write(json, value);
		return json.toString();
	}

	/**
	 * Append the JSON text of a value.
	 * @param json where to append
	 * @param value a map, list, string, number, boolean or {@code null}
	 */
	public static void write(StringBuilder json, @Nullable Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof CharSequence text) {
			string(json, text);
		}
		else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
				|| value instanceof Short) {
			json.append(value);
		}
		else if (value instanceof BigDecimal decimal) {
			json.append(decimal.toPlainString());
		}
		else if (value instanceof Number number) {
			double d = number.doubleValue();
			json.append(Double.isFinite(d) ? Double.toString(d) : "null");
		}
		else if (value instanceof Map<?, ?> map) {
			object(json, map);
		}
		else if (value instanceof List<?> list) {
			array(json, list);
		}
		else {
			string(json, value.toString());
		}
	}

	private static void object(StringBuilder json, Map<?, ?> map) {
		json.append('{');
		Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
		while (entries.hasNext()) {
			Map.Entry<?, ?> entry = entries.next();
			string(json, String.valueOf(entry.getKey()));
			json.append(':');
			write(json, entry.getValue());
			if (entries.hasNext()) {
				json.append(',');
			}
		}
		json.append('}');
	}

	private static void array(StringBuilder json, List<?> list) {
		json.append('[');
		for (int i = 0; i < list.size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			write(json, list.get(i));
		}
		json.append(']');
	}

	/**
	 * Append a JSON string: the runs of characters that need no escape in one append
	 * each, so a long text is copied in bulk rather than character by character.
	 */
	private static void string(StringBuilder json, CharSequence text) {
		json.append('"');
		int length = text.length();
		int run = 0;
		for (int i = 0; i < length; i++) {
			char ch = text.charAt(i);
			if (ch >= 0x20 && ch != '"' && ch != '\\' && ch != '\u2028' && ch != '\u2029') {
				continue;
			}
			json.append(text, run, i);
			run = i + 1;
			switch (ch) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				case '\b' -> json.append("\\b");
				case '\f' -> json.append("\\f");
				default -> json.append("\\u").append(HEX.toHexDigits(ch));
			}
		}
		json.append(text, run, length);
		json.append('"');
	}

}
