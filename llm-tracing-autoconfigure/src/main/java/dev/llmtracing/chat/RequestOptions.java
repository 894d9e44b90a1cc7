package dev.llmtracing.chat;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
		put(values, "gen_ai.request.seed", seed(options));
		List<String> stop = options.getStopSequences();
		if (stop != null && !stop.isEmpty()) {
			values.put("gen_ai.request.stop_sequences", List.copyOf(stop));
		}
		put(values, "gen_ai.request.top_k", options.getTopK());
		put(values, "gen_ai.request.frequency_penalty", options.getFrequencyPenalty());
		put(values, "gen_ai.request.presence_penalty", options.getPresencePenalty());
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
