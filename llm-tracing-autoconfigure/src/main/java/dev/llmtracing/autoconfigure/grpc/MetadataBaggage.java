package dev.llmtracing.autoconfigure.grpc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import dev.llmtracing.context.BaggageBridge;
import dev.llmtracing.context.TracingIds;
import io.grpc.Metadata;
import org.jspecify.annotations.Nullable;

/**
 * Reads entries of the W3C {@code baggage} metadata of one inbound call. Values are
 * handed back percent-decoded and unvalidated; the caller validates them. Nothing is
 * written.
 *
 * @author llm-tracing
 */
final class MetadataBaggage implements BaggageBridge {

	static final Metadata.Key<String> BAGGAGE = Metadata.Key.of("baggage", Metadata.ASCII_STRING_MARSHALLER);

	private static final int MAX_LENGTH = 8192;

	private final @Nullable Iterable<String> values;

	MetadataBaggage(Metadata headers) {
		this.values = headers.getAll(BAGGAGE);
	}

	@Override
	public @Nullable String read(String key) {
		if (this.values == null) {
			return null;
		}
		for (String value : this.values) {
			if (value.length() > MAX_LENGTH) {
				continue;
			}
			String found = find(value, key);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static @Nullable String find(String baggage, String key) {
		int start = 0;
		while (start < baggage.length()) {
			int end = baggage.indexOf(',', start);
			if (end < 0) {
				end = baggage.length();
			}
			int equals = baggage.indexOf('=', start);
			if (equals > start && equals < end && baggage.substring(start, equals).trim().equals(key)) {
				int properties = baggage.indexOf(';', equals);
				int valueEnd = (properties >= 0 && properties < end) ? properties : end;
				return decode(baggage.substring(equals + 1, valueEnd).trim());
			}
			start = end + 1;
		}
		return null;
	}

	private static @Nullable String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	@Override
	public Scope write(TracingIds ids) {
		return Scope.NONE;
	}

}
