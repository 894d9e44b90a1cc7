package dev.llmtracing.standin;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers OpenAI-compatible {@code POST /v1/embeddings} requests with deterministic
 * vectors: a hashed bag of the words of each input (letters and digits, lower case, two
 * characters or more, directives left out), {@value #DEFAULT_DIMENSIONS} dimensions
 * unless the request asks for others, normalized to length 1, so that texts that share
 * words are near each other. Vectors are sent as JSON numbers, or as base64 of
 * little-endian 32-bit floats when the request says {@code "encoding_format": "base64"}.
 * The {@code usage} object counts the words of the inputs.
 * <p>
 * The directive {@code [embed-delay:300]} in any input waits 300 ms before answering, so
 * that a test can make retrieval slow; the chat completions ignore it.
 *
 * @author llm-tracing
 */
final class EmbeddingsHandler implements HttpHandler {

	static final int DEFAULT_DIMENSIONS = 64;

	private static final int MAX_DIMENSIONS = 4096;

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final Duration latency;

	private final AtomicInteger requestCount = new AtomicInteger();

	/**
	 * Create a handler.
	 * @param latency how long to wait before answering
	 */
	EmbeddingsHandler(Duration latency) {
		this.latency = latency;
	}

	int getRequestCount() {
		return this.requestCount.get();
	}

	void reset() {
		this.requestCount.set(0);
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			try {
				answer(exchange);
			}
			catch (RuntimeException ex) {
				send(exchange, 400, error("bad request: " + ex.getClass().getSimpleName()));
			}
		}
	}

	private void answer(HttpExchange exchange) throws IOException {
		if (!"POST".equals(exchange.getRequestMethod())) {
			send(exchange, 405, error("method not allowed"));
			return;
		}
		this.requestCount.incrementAndGet();
		JsonNode request;
		try (InputStream body = exchange.getRequestBody()) {
			request = this.mapper.readTree(body);
		}
		List<String> inputs = inputs(request.path("input"));
		if (inputs.isEmpty()) {
			send(exchange, 400, error("input must be a string or an array of strings"));
			return;
		}
		int dimensions = request.path("dimensions").asInt(DEFAULT_DIMENSIONS);
		if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
			send(exchange, 400, error("dimensions must be from 1 to " + MAX_DIMENSIONS));
			return;
		}
		pause(this.latency.plusMillis(delayMillis(inputs)));
		boolean base64 = "base64".equals(request.path("encoding_format").asString("float"));
		String model = request.path("model").asString("stand-in-embedding");
		send(exchange, 200, this.mapper.writeValueAsBytes(response(inputs, model, dimensions, base64)));
	}

	private Map<String, Object> response(List<String> inputs, String model, int dimensions, boolean base64) {
		List<Map<String, Object>> data = new ArrayList<>(inputs.size());
		int tokens = 0;
		for (int i = 0; i < inputs.size(); i++) {
			String text = inputs.get(i);
			tokens += StandInReply.words(text);
			float[] vector = vector(text, dimensions);
			Map<String, Object> embedding = new LinkedHashMap<>();
			embedding.put("object", "embedding");
			embedding.put("index", i);
			embedding.put("embedding", base64 ? base64(vector) : vector);
			data.add(embedding);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("object", "list");
		body.put("data", data);
		body.put("model", model);
		body.put("usage", Map.of("prompt_tokens", tokens, "total_tokens", tokens));
		return body;
	}

	/**
	 * Return the vector of a text: each word adds one to a dimension picked by its hash,
	 * with a sign picked by another bit of the hash; the sum is normalized. A text
	 * without words gets the first unit vector, so that no vector is zero.
	 * @param text the text
	 * @param dimensions the number of dimensions
	 * @return the vector, of length 1
	 */
	static float[] vector(String text, int dimensions) {
		float[] vector = new float[dimensions];
		String words = Directives.strip(withoutDelay(text));
		StringBuilder word = new StringBuilder();
		for (int i = 0; i <= words.length(); i++) {
			char ch = (i < words.length()) ? words.charAt(i) : ' ';
			if (Character.isLetterOrDigit(ch)) {
				word.append(Character.toLowerCase(ch));
			}
			else if (!word.isEmpty()) {
				add(vector, word);
				word.setLength(0);
			}
		}
		double sum = 0;
		for (float value : vector) {
			sum += value * value;
		}
		if (sum == 0) {
			vector[0] = 1;
			return vector;
		}
		float norm = (float) Math.sqrt(sum);
		for (int i = 0; i < dimensions; i++) {
			vector[i] /= norm;
		}
		return vector;
	}

	private static String withoutDelay(String text) {
		int start = text.indexOf("[embed-delay:");
		int end = (start >= 0) ? text.indexOf(']', start) : -1;
		return (end < 0) ? text : withoutDelay(text.substring(0, start) + text.substring(end + 1));
	}

	private static void add(float[] vector, CharSequence word) {
		if (word.length() < 2) {
			return;
		}
		int hash = 0x811c9dc5;
		for (int i = 0; i < word.length(); i++) {
			hash = (hash ^ word.charAt(i)) * 0x01000193;
		}
		vector[Math.floorMod(hash, vector.length)] += ((hash >>> 31) == 0) ? 1 : -1;
	}

	private static String base64(float[] vector) {
		byte[] bytes = new byte[vector.length * 4];
		for (int i = 0; i < vector.length; i++) {
			int bits = Float.floatToIntBits(vector[i]);
			for (int b = 0; b < 4; b++) {
				bytes[i * 4 + b] = (byte) (bits >>> (8 * b));
			}
		}
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static List<String> inputs(JsonNode input) {
		if (input.isString()) {
			return List.of(input.asString());
		}
		List<String> inputs = new ArrayList<>();
		if (input.isArray()) {
			for (JsonNode item : input) {
				if (!item.isString()) {
					return List.of();
				}
				inputs.add(item.asString());
			}
		}
		return inputs;
	}

	private static long delayMillis(List<String> inputs) {
		long delay = 0;
		for (String input : inputs) {
			delay = Math.max(delay, Directives.number(input, "embed-delay", 0));
		}
		return delay;
	}

	private byte[] error(String message) {
		return StandInModelServer.error(this.mapper, message);
	}

	private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
		StandInModelServer.send(exchange, status, "application/json", body);
	}

	private static void pause(Duration duration) {
		StandInModelServer.pause(duration);
	}

}
