package dev.llmtracing.standin;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link StandInModelServer} over real HTTP.
 *
 * @author llm-tracing
 */
class StandInModelServerTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper mapper = JsonMapper.builder().build();

	private StandInModelServer server;

	@BeforeEach
	void start() throws Exception {
		this.server = StandInModelServer.start(0, Duration.ZERO);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void shouldAnswerCompletionWithEchoAndUsage() throws Exception {
		HttpResponse<String> response = post(Map.of("model", "m1", "messages", List
			.of(Map.of("role", "system", "content", "Be brief"), Map.of("role", "user", "content", "Hi there"))));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = this.mapper.readTree(response.body());
		assertThat(body.path("model").asString()).isEqualTo("m1");
		assertThat(body.path("choices").get(0).path("message").path("content").asString())
			.isEqualTo("Stand-in reply to: Hi there");
		assertThat(body.path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
		assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(3 + 2 + 3 + 2);
		assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(5);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void shouldStreamChunksThenUsageThenDone() throws Exception {
		HttpResponse<String> response = post(Map.of("model", "m1", "stream", true, "stream_options",
				Map.of("include_usage", true), "messages", List.of(Map.of("role", "user", "content", "a b"))));
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
		List<String> events = List.of(response.body().split("\n\n"));
		assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
		JsonNode usageChunk = this.mapper.readTree(events.get(events.size() - 2).substring("data: ".length()));
		assertThat(usageChunk.path("choices").isEmpty()).isTrue();
		assertThat(usageChunk.path("usage").path("completion_tokens").asInt()).isEqualTo(5);
	}

	@Test
	void shouldFailWithRequestedStatus() throws Exception {
		HttpResponse<String> response = post(
				Map.of("model", "m1", "messages", List.of(Map.of("role", "user", "content", "x [error:503]"))));
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("stand-in error 503");
	}

	@Test
	void shouldEndWithLengthWhenAsked() throws Exception {
		HttpResponse<String> response = post(
				Map.of("model", "m1", "messages", List.of(Map.of("role", "user", "content", "long [length]"))));
		JsonNode choice = this.mapper.readTree(response.body()).path("choices").get(0);
		assertThat(choice.path("finish_reason").asString()).isEqualTo("length");
		assertThat(choice.path("message").path("content").asString()).isEqualTo("Stand-in reply to: long");
	}

	@Test
	void shouldCallFirstToolWithArgumentsFromItsSchema() throws Exception {
		HttpResponse<String> response = post(Map.of("model", "m1", "tools", List.of(weatherTool()), "messages",
				List.of(Map.of("role", "user", "content", "weather?"))));
		JsonNode call = toolCall(response);
		assertThat(call.path("function").path("name").asString()).isEqualTo("weather");
		assertThat(call.path("function").path("arguments").asString()).isEqualTo("{\"city\":\"Tokyo\",\"days\":1}");
	}

	@Test
	void shouldFillStringArgumentsWithTheNameTheUserAsksAbout() throws Exception {
		HttpResponse<String> response = post(Map.of("model", "m1", "tools", List.of(weatherTool()), "messages",
				List.of(Map.of("role", "user", "content", "Weather in New York, please? [delay:1]"))));
		assertThat(toolCall(response).path("function").path("arguments").asString())
			.isEqualTo("{\"city\":\"New York\",\"days\":1}");
	}

	@Test
	void shouldAnswerJsonFollowingTheSchemaOfAStructuredOutputRequest() throws Exception {
		String schema = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
				+ "\"properties\":{\"city\":{\"type\":\"string\"},\"days\":{\"type\":\"integer\"},"
				+ "\"season\":{\"type\":\"string\",\"enum\":[\"SPRING\",\"AUTUMN\"]},"
				+ "\"tips\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},\"additionalProperties\":false}";
		String message = "Plan a trip to Kyoto\nYour response should be in JSON format.\n"
				+ "Here is the JSON Schema instance your output must adhere to:\n```" + schema + "```\n";
		HttpResponse<String> response = post(
				Map.of("model", "m1", "messages", List.of(Map.of("role", "user", "content", message))));
		JsonNode answer = this.mapper.readTree(this.mapper.readTree(response.body())
			.path("choices")
			.get(0)
			.path("message")
			.path("content")
			.asString());
		assertThat(answer.path("city").asString()).isEqualTo("Stand-in city for: Plan a trip to Kyoto");
		assertThat(answer.path("days").asInt()).isEqualTo(5);
		assertThat(answer.path("season").asString()).isEqualTo("SPRING");
		assertThat(answer.path("tips").get(0).asString()).isEqualTo("Stand-in tips for: Plan a trip to Kyoto");
	}

	@Test
	void shouldAnswerEmbeddingsWithNormalizedVectorsAndUsage() throws Exception {
		JsonNode body = this.mapper.readTree(embed(Map.of("model", "e1", "input",
				List.of("Kyoto temples in autumn", "Lisbon trams"), "encoding_format", "float"))
			.body());
		assertThat(body.path("model").asString()).isEqualTo("e1");
		assertThat(body.path("data")).hasSize(2);
		assertThat(body.path("data").get(1).path("index").asInt()).isEqualTo(1);
		float[] vector = floats(body.path("data").get(0).path("embedding"));
		assertThat(vector).hasSize(64);
		assertThat(Math.abs(dot(vector, vector) - 1)).isLessThan(1e-5);
		assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(6);
		assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(6);
		assertThat(this.server.getEmbeddingRequestCount()).isEqualTo(1);
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void shouldEmbedTextsThatShareWordsNearEachOther() throws Exception {
		float[] kyoto = embedding("Temples and gardens of Kyoto");
		assertThat(embedding("Temples and gardens of Kyoto")).isEqualTo(kyoto);
		assertThat(dot(kyoto, embedding("Which temples to see in Kyoto?")))
			.isGreaterThan(dot(kyoto, embedding("Lisbon trams by night")));
	}

	@Test
	void shouldEncodeEmbeddingsInBase64WhenAsked() throws Exception {
		JsonNode data = this.mapper.readTree(embed(Map.of("input", "Kyoto", "encoding_format", "base64")).body())
			.path("data")
			.get(0);
		byte[] bytes = Base64.getDecoder().decode(data.path("embedding").asString());
		float[] decoded = new float[bytes.length / 4];
		for (int i = 0; i < decoded.length; i++) {
			int bits = (bytes[i * 4] & 0xff) | (bytes[i * 4 + 1] & 0xff) << 8 | (bytes[i * 4 + 2] & 0xff) << 16
					| (bytes[i * 4 + 3] & 0xff) << 24;
			decoded[i] = Float.intBitsToFloat(bits);
		}
		assertThat(decoded).isEqualTo(embedding("Kyoto"));
	}

	@Test
	void shouldDelayEmbeddingsWhenAskedAndLeaveTheDirectiveOutOfTheVector() throws Exception {
		long start = System.nanoTime();
		float[] delayed = embedding("Kyoto [embed-delay:300] temples");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(delayed).isEqualTo(embedding("Kyoto temples"));
	}

	@Test
	void shouldRefuseEmbeddingsWithoutInput() throws Exception {
		assertThat(embed(Map.of("model", "e1")).statusCode()).isEqualTo(400);
	}

	private float[] embedding(String text) throws Exception {
		return floats(this.mapper.readTree(embed(Map.of("input", text)).body()).path("data").get(0).path("embedding"));
	}

	private HttpResponse<String> embed(Map<String, Object> body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.server.getBaseUrl() + "/embeddings"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.mapper.writeValueAsString(body)))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static float[] floats(JsonNode array) {
		float[] values = new float[array.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = array.get(i).floatValue();
		}
		return values;
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	@Test
	void shouldShowTheHistoryItReceivedInTheAnswer() throws Exception {
		HttpResponse<String> response = post(Map.of("model", "m1", "messages",
				List.of(Map.of("role", "system", "content", "Remember"),
						Map.of("role", "user", "content", "My name is Ada"),
						Map.of("role", "assistant", "content", "Stand-in reply to: My name is Ada"),
						Map.of("role", "user", "content", "Who am I?"))));
		assertThat(
				this.mapper.readTree(response.body()).path("choices").get(0).path("message").path("content").asString())
			.isEqualTo(
					"Stand-in reply to: Who am I? (4 messages in context; the first from the user: \"My name is Ada\")");
	}

	@Test
	void shouldAnswerASingleQuestionWithoutHistory() throws Exception {
		HttpResponse<String> response = post(Map.of("model", "m1", "messages",
				List.of(Map.of("role", "system", "content", "Remember"), Map.of("role", "user", "content", "Hi"))));
		assertThat(
				this.mapper.readTree(response.body()).path("choices").get(0).path("message").path("content").asString())
			.isEqualTo("Stand-in reply to: Hi");
	}

	@Test
	void shouldRefuseMalformedJson() throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(this.server.getBaseUrl() + "/chat/completions"))
				.POST(HttpRequest.BodyPublishers.ofString("{not json"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void shouldSendRetryAfterWithTooManyRequestsAndServiceUnavailable() throws Exception {
		HttpResponse<String> tooMany = post(userMessage("x [error:429]", false));
		assertThat(tooMany.statusCode()).isEqualTo(429);
		assertThat(tooMany.headers().firstValue("Retry-After")).hasValue("1");
		HttpResponse<String> unavailable = post(userMessage("x [error:503] [retry-after:2]", false));
		assertThat(unavailable.statusCode()).isEqualTo(503);
		assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(post(userMessage("x [error:500]", false)).headers().firstValue("Retry-After")).isEmpty();
	}

	@Test
	void shouldAnswerMalformedJsonWhenAsked() throws Exception {
		HttpResponse<String> response = post(userMessage("x [malformed]", false));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("{\"id\":\"chatcmpl-standin-");
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> this.mapper.readTree(response.body()));
	}

	@Test
	void shouldCutTheConnectionInTheMiddleOfTheBody() {
		assertThatIOException().isThrownBy(() -> post(userMessage("x [cut]", false)));
	}

	@Test
	void shouldCutTheStreamInTheMiddleOfTheChunkAfterTheFirstWord() throws Exception {
		String received = rawPost(userMessage("one two three [cut]", true));
		assertThat(received).startsWith("HTTP/1.1 200").contains("\"Stand-in\"").doesNotContain("[DONE]");
		String lastChunk = received.substring(received.lastIndexOf("data: "));
		assertThat(lastChunk).startsWith("data: {\"id\":").doesNotContain("\n\n").doesNotContain("reply");
		assertThat(received).as("no end of the chunked body").doesNotEndWith("0\r\n\r\n");
	}

	@Test
	void shouldSendAnErrorEventInsideTheStreamAndNoEnd() throws Exception {
		List<String> events = events(post(userMessage("one two three [stream-error]", true)));
		assertThat(events).hasSize(3).noneMatch((event) -> event.contains("[DONE]"));
		JsonNode error = this.mapper.readTree(events.get(2).substring("data: ".length()));
		assertThat(error.path("error").path("message").asString()).isEqualTo("stand-in stream error as requested");
	}

	@Test
	void shouldSendAMalformedChunkInsideTheStream() throws Exception {
		List<String> events = events(post(userMessage("one two three [malformed]", true)));
		assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
		String malformed = events.get(2).substring("data: ".length());
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> this.mapper.readTree(malformed));
	}

	@Test
	void shouldSpaceStreamedChunksByTheChunkDelay() throws Exception {
		long start = System.nanoTime();
		List<String> events = events(post(userMessage("a [chunk-delay:40]", true)));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(events).hasSize(8);
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(7 * 40));
	}

	@Test
	void shouldWaitTheDelayBeforeAnsweringSoThatAShortReadTimeoutExpires() {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.server.getBaseUrl() + "/chat/completions"))
			.timeout(Duration.ofMillis(100))
			.POST(HttpRequest.BodyPublishers
				.ofString(this.mapper.writeValueAsString(userMessage("x [delay:600]", false))))
			.build();
		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> this.http.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	@Test
	void shouldFailOnlyTheAnswerAfterAToolResultWhenAsked() throws Exception {
		String text = "weather? [error:500] [after-tool]";
		HttpResponse<String> first = post(Map.of("model", "m1", "tools", List.of(weatherTool()), "messages",
				List.of(Map.of("role", "user", "content", text))));
		assertThat(first.statusCode()).isEqualTo(200);
		JsonNode call = toolCall(first);
		HttpResponse<String> second = post(Map.of("model", "m1", "tools", List.of(weatherTool()), "messages",
				List.of(Map.of("role", "user", "content", text),
						Map.of("role", "assistant", "tool_calls",
								List.of(Map.of("id", call.path("id").asString(), "type", "function", "function",
										Map.of("name", "weather", "arguments", "{}")))),
						Map.of("role", "tool", "tool_call_id", call.path("id").asString(), "content", "sunny"))));
		assertThat(second.statusCode()).isEqualTo(500);
		assertThat(this.server.getReplies()).extracting(StandInReply::errorStatus).containsExactly(0, 500);
	}

	private static Map<String, Object> userMessage(String text, boolean stream) {
		return Map.of("model", "m1", "stream", stream, "stream_options", Map.of("include_usage", true), "messages",
				List.of(Map.of("role", "user", "content", text)));
	}

	private static List<String> events(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
		return List.of(response.body().split("\n\n"));
	}

	/**
	 * POST over a plain socket and read until the server closes it, so that a body cut
	 * short shows as it arrived.
	 */
	private String rawPost(Map<String, Object> body) throws Exception {
		byte[] content = this.mapper.writeValueAsBytes(body);
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.server.getPort())) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + content.length
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static Map<String, Object> weatherTool() {
		return Map.of("type", "function", "function",
				Map.of("name", "weather", "parameters",
						Map.of("type", "object", "properties",
								Map.of("city", Map.of("type", "string"), "days", Map.of("type", "integer")), "required",
								List.of("city", "days"))));
	}

	@Test
	void shouldKeepTheHeadersAndRepliesOfTheLatestRequestsOnly() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < StandInModelServer.KEPT; i++) {
			responses.add(pool.submit(() -> post(
					Map.of("model", "m1", "messages", List.of(Map.of("role", "user", "content", "earlier"))))));
		}
		for (Future<HttpResponse<String>> response : responses) {
			assertThat(response.get().statusCode()).isEqualTo(200);
		}
		pool.shutdown();
		post(Map.of("model", "m1", "messages", List.of(Map.of("role", "user", "content", "latest"))));
		assertThat(this.server.getRequestCount()).isEqualTo(StandInModelServer.KEPT + 1);
		assertThat(this.server.getRequestHeaders()).hasSize(StandInModelServer.KEPT);
		assertThat(this.server.getReplies()).hasSize(StandInModelServer.KEPT);
		assertThat(this.server.getReplies().get(StandInModelServer.KEPT - 1).content()).contains("latest");
	}

	private JsonNode toolCall(HttpResponse<String> response) {
		return this.mapper.readTree(response.body()).path("choices").get(0).path("message").path("tool_calls").get(0);
	}

	private HttpResponse<String> post(Map<String, Object> body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.server.getBaseUrl() + "/chat/completions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.mapper.writeValueAsString(body)))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
