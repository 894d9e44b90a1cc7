package dev.llmtracing.sample.zipkin;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.llmtracing.sample.support.ServerProcesses;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.util.TestSocketUtils;

/**
 * A real Zipkin server ({@code io.zipkin:zipkin-server:3.5.1:exec}, copied to
 * {@code target/zipkin} by the build) run with {@code java -jar} on a free loopback port,
 * with in-memory storage.
 *
 * @author llm-tracing
 */
final class ZipkinServer implements AutoCloseable {

	private static final Path JAR = Path.of("target/zipkin/zipkin-server.jar");

	private final Process process;

	private final int port;

	private final Path log;

	private final HttpClient http = HttpClient.newHttpClient();

	private ZipkinServer(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	static ZipkinServer start() throws IOException {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR + " is missing; run the tests with './mvnw verify', which copies it");
		}
		int port = TestSocketUtils.findAvailableTcpPort();
		Path log = Files.createTempFile("zipkin", ".log");
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = ServerProcesses.start(log, java, "-Xmx384m", "-jar", JAR.toString(), "--server.port=" + port,
				"--server.address=127.0.0.1", "--logging.level.root=WARN");
		ZipkinServer server = new ZipkinServer(process, port, log);
		ServerProcesses.awaitReady(process, server.http, port, "/health", Duration.ofSeconds(90),
				Duration.ofMillis(500), () -> "Zipkin exited");
		return server;
	}

	String spansEndpoint() {
		return "http://127.0.0.1:" + this.port + "/api/v2/spans";
	}

	/**
	 * Return the traces that have a span with the given tag.
	 * @param tag the tag key
	 * @param value the tag value
	 * @return the traces, each a list of spans as maps
	 */
	List<List<Map<String, Object>>> tracesWithTag(String tag, String value) {
		String query = URLEncoder.encode(tag + "=" + value, StandardCharsets.UTF_8);
		String body = get("/api/v2/traces?limit=10&lookback=600000&annotationQuery=" + query).body();
		return JsonMapper.builder().build().readValue(body, new TypeReference<>() {
		});
	}

	String log() throws IOException {
		return Files.readString(this.log);
	}

	private HttpResponse<String> get(String path) {
		try {
			return ServerProcesses.get(this.http, this.port, path);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		ServerProcesses.stop(this.process, this.log);
	}

}
