package dev.llmtracing.autoconfigure.propagation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiPredicate;

import org.jspecify.annotations.Nullable;

/**
 * Filters the members of a W3C {@code baggage} header value
 * ({@code key=value;property,...}) by their key and percent-decoded value.
 *
 * @author llm-tracing
 */
final class BaggageMembers {

	private BaggageMembers() {
	}

	/**
	 * Return the members of the header value that the predicate keeps, in order.
	 * @param baggage the header value
	 * @param keep given the trimmed key and the decoded value ({@code null} when the
	 * member has no value or its encoding is malformed), whether to keep the member
	 * @return the kept members, possibly empty
	 */
	static String filter(String baggage, BiPredicate<String, @Nullable String> keep) {
		StringBuilder kept = new StringBuilder();
		for (String member : baggage.split(",")) {
			int equals = member.indexOf('=');
			String key = ((equals >= 0) ? member.substring(0, equals) : member).trim();
			if (key.isEmpty()) {
				continue;
			}
			if (keep.test(key, (equals >= 0) ? value(member.substring(equals + 1)) : null)) {
				kept.append((kept.length() > 0) ? "," : "").append(member.trim());
			}
		}
		return kept.toString();
	}

	private static @Nullable String value(String valueAndProperties) {
		int semicolon = valueAndProperties.indexOf(';');
		String encoded = ((semicolon >= 0) ? valueAndProperties.substring(0, semicolon) : valueAndProperties).trim();
		return decode(encoded);
	}

	private static @Nullable String decode(String encoded) {
		if (encoded.indexOf('%') < 0) {
			return encoded;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
		for (int i = 0; i < encoded.length(); i++) {
			char ch = encoded.charAt(i);
			if (ch > 0x7e) {
				return null;
			}
			if (ch != '%') {
				bytes.write(ch);
				continue;
			}
			if (i + 2 >= encoded.length()) {
				return null;
			}
			int high = Character.digit(encoded.charAt(i + 1), 16);
			int low = Character.digit(encoded.charAt(i + 2), 16);
			if (high < 0 || low < 0) {
				return null;
			}
			bytes.write((high << 4) + low);
			i += 2;
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
