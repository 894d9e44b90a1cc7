package dev.llmtracing.autoconfigure.chat;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.llmtracing.record.ExchangeFields;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * The request options beyond model, temperature, top-p and maximum tokens, named after
 * the GenAI conventions, so that a record holds what a replay needs. The seed is read
 * from a public {@code getSeed()} method where the provider's options have one (OpenAI,
 * Ollama, ...), as {@link ChatOptions} does not declare it.
 *
 * @author llm-tracing
 */
final class RequestOptions {

	private static final ClassValue<Optional<Method>> seedGetters = new ClassValue<>() {

		@Override
		protected Optional<Method> computeValue(Class<?> type) {
			try {
				Method method = type.getMethod("getSeed");
				return Number.class.isAssignableFrom(method.getReturnType()) ? Optional.of(method) : Optional.empty();
			}
			catch (NoSuchMethodException ex) {
				return Optional.empty();
			}
		}

	};

	private RequestOptions() {
	}

	static Map<String, Object> of(@Nullable ChatOptions options) {
		if (options == null) {
			return Map.of();
		}
		Map<String, Object> values = new LinkedHashMap<>();
		put(values, ExchangeFields.REQUEST_SEED, seed(options));
		List<String> stop = options.getStopSequences();
		if (stop != null && !stop.isEmpty()) {
			values.put(ExchangeFields.REQUEST_STOP_SEQUENCES, List.copyOf(stop));
		}
		put(values, ExchangeFields.REQUEST_TOP_K, options.getTopK());
		put(values, ExchangeFields.REQUEST_FREQUENCY_PENALTY, options.getFrequencyPenalty());
		put(values, ExchangeFields.REQUEST_PRESENCE_PENALTY, options.getPresencePenalty());
		return values;
	}

	private static @Nullable Object seed(ChatOptions options) {
		Optional<Method> getter = seedGetters.get(options.getClass());
		if (getter.isEmpty()) {
			return null;
		}
		try {
			Object seed = getter.get().invoke(options);
			return (seed instanceof Number) ? seed : null;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	private static void put(Map<String, Object> values, String key, @Nullable Object value) {
		if (value != null) {
			values.put(key, value);
		}
	}

}
