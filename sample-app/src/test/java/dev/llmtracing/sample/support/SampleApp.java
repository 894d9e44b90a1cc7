package dev.llmtracing.sample.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.web.client.RestClient;

/**
 * Helpers for the end-to-end tests that run the sample application: its JSON log file and
 * the exchange and request records in it.
 *
 * @author llm-tracing
 */
public final class SampleApp {

	private static final String EXCHANGE_LOGGER = "llm.tracing.exchange";

	private static final String REQUEST_LOGGER = "llm.tracing.request";

	private SampleApp() {
	}

	/**
	 * Run the application's built-in stand-in model and its gRPC server on free ports, so
	 * that test classes with different application contexts do not collide. Call from a
	 * {@code @DynamicPropertySource} method.
	 * @param registry the registry of the test's dynamic properties
	 */
	public static void standInOnFreePort(DynamicPropertyRegistry registry) {
		int modelPort = TestSocketUtils.findAvailableTcpPort();
		registry.add("sample.stand-in.port", () -> modelPort);
		registry.add("spring.grpc.server.port", () -> 0);
	}

	/**
	 * Create a client for the application.
	 * @param port the port the application listens on
	 * @return a client with the application's base URL
	 */
	public static RestClient client(int port) {
		return RestClient.create("http://localhost:" + port);
	}

	/**
	 * POST a plain-text message to an endpoint of the application with ID headers, as a
	 * caller of the application would.
	 * @param client the client, from {@link #client(int)}
	 * @param path the endpoint's path
	 * @param message the message
	 * @param requestId the {@code X-Request-Id} header
	 * @param contextId the {@code X-Context-Id} header, or {@code null} to send none
	 * @param userId the {@code X-User-Id} header, or {@code null} to send none
	 * @return the response
	 */
	public static ResponseEntity<String> post(RestClient client, String path, String message, String requestId,
			String contextId, String userId) {
		return client.post().uri(path).contentType(MediaType.TEXT_PLAIN).accept(MediaType.ALL).headers((headers) -> {
			headers.set("X-Request-Id", requestId);
			if (contextId != null) {
				headers.set("X-Context-Id", contextId);
			}
			if (userId != null) {
				headers.set("X-User-Id", userId);
			}
		}).body(message).retrieve().toEntity(String.class);
	}

	/**
	 * Delete a log file left by an earlier run, so that the test reads only what its own
	 * application writes.
	 * @param file the log file
	 * @return the file
	 */
	public static Path freshLog(Path file) {
		try {
			Files.deleteIfExists(file);
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Read the exchange records from a JSON log file: the events of the
	 * {@code llm.tracing.exchange} logger.
	 * @param jsonLog the JSON log file, one event a line
	 * @return the records, in the order they were written
	 * @throws IOException if the file cannot be read
	 */
	public static List<Map<String, Object>> exchangeRecords(Path jsonLog) throws IOException {
		return exchangeRecords(jsonLog, (line) -> {
		});
	}

	/**
	 * Read the exchange records from a JSON log file: the events of the
	 * {@code llm.tracing.exchange} logger, each checked as it was written before it is
	 * added.
	 * @param jsonLog the JSON log file, one event a line
	 * @param check called with the JSON line of each record
	 * @return the records, in the order they were written
	 * @throws IOException if the file cannot be read
	 */
	public static List<Map<String, Object>> exchangeRecords(Path jsonLog, Consumer<String> check) throws IOException {
		return records(jsonLog, EXCHANGE_LOGGER, check);
	}

	/**
	 * Read the request records from a JSON log file: the events of the
	 * {@code llm.tracing.request} logger, each checked as it was written before it is
	 * added.
	 * @param jsonLog the JSON log file, one event a line
	 * @param check called with the JSON line of each record
	 * @return the records, in the order they were written
	 * @throws IOException if the file cannot be read
	 */
	public static List<Map<String, Object>> requestRecords(Path jsonLog, Consumer<String> check) throws IOException {
		return records(jsonLog, REQUEST_LOGGER, check);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> records(Path jsonLog, String logger, Consumer<String> check)
			throws IOException {
		List<Map<String, Object>> records = new ArrayList<>();
		JsonMapper mapper = JsonMapper.builder().build();
		for (String line : Files.readAllLines(jsonLog)) {
			Map<String, Object> event = mapper.readValue(line, Map.class);
			if (logger.equals(event.get("logger_name"))) {
				check.accept(line);
				records.add(event);
			}
		}
		return records;
	}

}
