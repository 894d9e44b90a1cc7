package dev.llmtracing.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of hostile ID values over real HTTP: in the ID headers, in the baggage
 * field headers and in W3C baggage, for each ID key. Every request is answered normally,
 * the hostile value reaches neither the record nor any log line, and the model server
 * (reached through the real Spring AI OpenAI client, with the OpenTelemetry bridge
 * propagating baggage) never receives it, while a valid baggage value still travels.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = CaptureTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "management.tracing.sampling.probability=1.0")
class HostileIdsIT extends StandInModelIT {

	private static final String MARKER = "evil";

	private static final Pattern VALID_OR_EMPTY = Pattern.compile("[A-Za-z0-9._:-]{0,128}");

	private static final List<String> KEYS = List.of("requestId", "contextId", "userId");

	private static final List<String> ID_HEADERS = List.of("X-Request-Id", "X-Context-Id", "X-User-Id", "requestId",
			"contextId", "userId");

	@LocalServerPort
	private int port;

	@BeforeEach
	void clear() {
		capture.clear();
	}

	static Stream<Arguments> hostileHeaders() {
		Map<String, byte[]> values = Map.of("non-ASCII", bytes("evil\u00e9", StandardCharsets.UTF_8), "tab",
				latin1("evil\tx"), "space and semicolon", latin1("evil x;y"), "percent-encoded CR LF",
				latin1("evil%0D%0AInjected%3A%20line"), "over-long", latin1(MARKER + "a".repeat(200)));
		return ID_HEADERS.stream()
			.flatMap((header) -> values.entrySet()
				.stream()
				.map((value) -> Arguments.of(header, value.getKey(), value.getValue())));
	}

	static Stream<Arguments> hostileBaggage() {
		Map<String, String> values = Map.of("CR", "evil%0Dx", "LF", "evil%0Ax", "CR LF header injection",
				"evil%0D%0AInjected%3A%20line", "NUL", "evil%00x", "non-ASCII", "evil%C3%A9", "over-long",
				MARKER + "a".repeat(200), "double percent-encoded", "evil%250D%250A", "space", "evil%20x");
		return KEYS.stream()
			.flatMap((key) -> values.entrySet()
				.stream()
				.flatMap((value) -> Stream.of(Arguments.of(key, value.getKey(), value.getValue()),
						Arguments.of(key.toUpperCase(Locale.ROOT), value.getKey(), value.getValue()))));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("hostileHeaders")
	void hostileIdHeaderIsAnsweredAndNeverPassedOn(String header, String variant, byte[] value) {
		assertThat(new RawHttp(this.port).post("/call", header, value, "hi")).isEqualTo(200);
		assertHostileValueWentNowhere();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("hostileBaggage")
	void hostileBaggageEntryIsAnsweredAndNeverPassedOn(String key, String variant, String encoded) {
		String baggage = key + "=" + encoded + ",tenant=acme";
		assertThat(post("/call", "baggage", baggage)).isEqualTo(200);
		assertHostileValueWentNowhere();
		assertThat(header(standIn.server().getRequestHeaders().get(0), "baggage")).contains("tenant=acme");
	}

	@Test
	void controlCharactersInHeadersAreRefusedByTheServerBeforeTheApplication() {
		for (String control : List.of("\r", "\n", "\0")) {
			for (String header : ID_HEADERS) {
				assertThat(new RawHttp(this.port).post("/call", header, latin1("evil" + control + "x"), "hi"))
					.isEqualTo(400);
			}
		}
		assertThat(standIn.server().getRequestCount()).isZero();
	}

	@Test
	void hostileBaggageOfTheBugReportIsAnsweredAndTheValidIdStillTravels() {
		assertThat(post("/call", "baggage", "userId=evil%0D%0AInjected%3A%20line,contextId=ok")).isEqualTo(200);
		Map<String, Object> record = assertHostileValueWentNowhere();
		assertThat(record).containsEntry("contextId", "ok").doesNotContainKey("userId");
		Map<String, List<String>> headers = standIn.server().getRequestHeaders().get(0);
		assertThat(header(headers, "baggage")).contains("contextId=ok");
		assertThat(header(headers, "contextId")).isNull();
	}

	@Test
	void hostileBaggageOnAStreamIsAnsweredAndNeverPassedOn() {
		assertThat(post("/stream", "baggage", "userId=evil%0D%0Ax,requestId=evil%00")).isEqualTo(200);
		Map<String, Object> record = assertHostileValueWentNowhere();
		assertThat(record).containsEntry("gen_ai.request.stream", true);
	}

	@Test
	void validBaggageStillReachesTheRecordAndTheModelServer() {
		assertThat(post("/call", "baggage", "requestId=req-b-1,contextId=ctx-b-1,userId=%75ser-b-1")).isEqualTo(200);
		Map<String, Object> record = assertHostileValueWentNowhere();
		assertThat(record).containsEntry("requestId", "req-b-1")
			.containsEntry("contextId", "ctx-b-1")
			.containsEntry("userId", "user-b-1");
		Map<String, List<String>> headers = standIn.server().getRequestHeaders().get(0);
		assertThat(header(headers, "baggage")).contains("requestId=req-b-1", "contextId=ctx-b-1", "userId=user-b-1");
		// the model client is not one the starter customizes: no baggage field headers
		assertThat(header(headers, "userId")).isNull();
	}

	@Test
	void validIdHeaderReplacesAHostileBaggageValue() {
		assertThat(new RawHttp(this.port).post("/call", "X-User-Id", latin1("alice-1"), "hi")).isEqualTo(200);
		// The first call's record is written after its response: wait for it, or it lands
		// after the clear and the second call's check sees two records
		await().atMost(Duration.ofSeconds(10)).until(() -> capture.records().size() == 1);
		capture.clear();
		standIn.server().reset();
		int status = new RawHttp(this.port).post("/call", "X-User-Id", latin1("alice-2\r\nbaggage: userId=evil%0D%0A"),
				"hi");
		assertThat(status).isEqualTo(200);
		Map<String, Object> record = assertHostileValueWentNowhere();
		assertThat(record).containsEntry("userId", "alice-2");
		assertThat(header(standIn.server().getRequestHeaders().get(0), "baggage")).contains("userId=alice-2");
	}

	private Map<String, Object> assertHostileValueWentNowhere() {
		await().atMost(Duration.ofSeconds(10)).until(() -> capture.records().size() == 1);
		Map<String, Object> record = capture.records().get(0);
		for (String key : KEYS) {
			assertThat(String.valueOf(record.getOrDefault(key, ""))).as(key).matches(VALID_OR_EMPTY);
		}
		assertThat(record.get("requestId")).isNotNull();
		assertThat(capture.renderedLines()).noneMatch(containsMarker());
		assertThat(standIn.server().getRequestHeaders()).hasSize(1);
		Map<String, List<String>> headers = standIn.server().getRequestHeaders().get(0);
		headers.forEach((name, values) -> assertThat(values).as(name).noneMatch(containsMarker()));
		for (String name : ID_HEADERS) {
			String value = header(headers, name);
			assertThat((value != null) ? value : "").as(name).matches(VALID_OR_EMPTY);
		}
		String baggage = header(headers, "baggage");
		for (String member : ((baggage != null) ? baggage : "").split(",")) {
			String[] keyAndValue = member.split(";")[0].split("=", 2);
			if (KEYS.stream().anyMatch(keyAndValue[0].trim()::equalsIgnoreCase)) {
				assertThat(keyAndValue[1]).as(member).matches(VALID_OR_EMPTY);
			}
		}
		return record;
	}

	private int post(String path, String header, String value) {
		return new RawHttp(this.port).post(path, header, latin1(value), "hi");
	}

	private static Predicate<String> containsMarker() {
		return (value) -> value.toLowerCase(Locale.ROOT).contains(MARKER);
	}

	private static String header(Map<String, List<String>> headers, String name) {
		return headers.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
			.map((entry) -> String.join(",", entry.getValue()))
			.findFirst()
			.orElse(null);
	}

	private static byte[] latin1(String value) {
		return bytes(value, StandardCharsets.ISO_8859_1);
	}

	private static byte[] bytes(String value, java.nio.charset.Charset charset) {
		return value.getBytes(charset);
	}

}
