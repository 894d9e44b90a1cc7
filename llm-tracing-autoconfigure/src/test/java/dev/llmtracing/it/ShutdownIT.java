package dev.llmtracing.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.llmtracing.testsupport.StandInModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shutdown loses nothing: an application in a process of its own answers N requests, is
 * sent SIGTERM right after the last response while its records still wait behind a slow
 * sink, and the JSON records file then holds all of them; with a shutdown timeout too
 * short to write them all, what was not written is counted and logged once.
 *
 * @author llm-tracing
 */
class ShutdownIT {

	private static final int REQUESTS = 200;

	private static final Pattern NOT_WRITTEN = Pattern
		.compile("could not write (\\d+) waiting records within the shutdown timeout");

	@RegisterExtension
	static final StandInModel standIn = new StandInModel();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private Process app;

	@AfterEach
	void stopApp() throws InterruptedException {
		if (this.app != null && this.app.isAlive()) {
			this.app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void everyRecordIsWrittenWhenTheAppIsStoppedRightAfterItsLastResponse(TestInfo test) throws Exception {
		Run run = start(test, "--llm.tracing.record.shutdown-timeout=10s");
		int waiting = run.sendAndStop(true);
		assertThat(waiting).as("records still waiting at SIGTERM").isPositive();
		assertThat(standIn.server().getRequestCount()).isEqualTo(REQUESTS);
		assertThat(run.records("llm.tracing.exchange")).as("exchange records").isEqualTo(REQUESTS);
		assertThat(run.records("llm.tracing.request")).as("request records").isEqualTo(REQUESTS);
		assertThat(run.output()).doesNotContain("could not write");
	}

	@Test
	void whatCannotBeWrittenWithinTheShutdownTimeoutIsCountedAndLoggedOnce(TestInfo test) throws Exception {
		Run run = start(test, "--llm.tracing.record.shutdown-timeout=300ms");
		run.sendAndStop(false);
		List<Integer> notWritten = new ArrayList<>();
		Matcher matcher = NOT_WRITTEN.matcher(run.output());
		while (matcher.find()) {
			notWritten.add(Integer.parseInt(matcher.group(1)));
		}
		assertThat(notWritten).as("warnings").hasSize(1);
		assertThat(notWritten.get(0)).as("not written").isPositive();
		// Each request queues its exchange record and then its request record
		assertThat(run.records("llm.tracing.exchange") + run.records("llm.tracing.request") + notWritten.get(0))
			.isEqualTo(2 * REQUESTS);
	}

	private Run start(TestInfo test, String... arguments) throws IOException {
		Path dir = Files
			.createDirectories(Path.of("target/shutdown-it/" + test.getTestMethod().orElseThrow().getName()));
		Path records = dir.resolve("records.json");
		Path portFile = dir.resolve("port");
		Path output = dir.resolve("app.log");
		Files.deleteIfExists(records);
		Files.deleteIfExists(portFile);
		List<String> command = new ArrayList<>(
				List.of(javaCommand(), "-Xmx256m", "-cp", testClassPath(), "-Dshutdown-it.records=" + records,
						"-Dshutdown-it.port-file=" + portFile, ShutdownTestApplication.class.getName(),
						"--server.port=0", "--logging.config=classpath:dev/llmtracing/it/shutdown-logback.xml",
						"--shutdown-it.sink-delay=20ms", "--management.endpoint.health.show-details=always"));
		StandInModelIT.openAiProperties((name, value) -> command.add("--" + name + "=" + value.get()),
				() -> standIn.server().getBaseUrl());
		command.addAll(List.of(arguments));
		this.app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(portFile) && Files.size(portFile) > 0);
		return new Run(this.app, Integer.parseInt(Files.readString(portFile).trim()), records, output);
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String testClassPath() {
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

	private final class Run {

		private final Process process;

		private final int port;

		private final Path records;

		private final Path output;

		Run(Process process, int port, Path records, Path output) {
			this.process = process;
			this.port = port;
			this.records = records;
			this.output = output;
		}

		/**
		 * Send the requests, 16 at a time, then send SIGTERM and wait for the process to
		 * end.
		 * @param readQueue whether to read the queue size from the health endpoint before
		 * SIGTERM (that request queues a task of its own)
		 * @return the number of records waiting when SIGTERM was sent, or -1
		 */
		int sendAndStop(boolean readQueue) throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(16);
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < REQUESTS; i++) {
				String requestId = String.format("stop-%04d", i);
				statuses.add(pool.submit(() -> post(requestId)));
			}
			pool.shutdown();
			for (Future<Integer> status : statuses) {
				assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(200);
			}
			String health = readQueue ? get("/actuator/health/llmTracing") : null;
			this.process.destroy();
			assertThat(this.process.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
			if (health == null) {
				return -1;
			}
			Matcher size = Pattern.compile("\"size\":(\\d+)").matcher(health);
			assertThat(size.find()).as("queue size in %s", health).isTrue();
			return Integer.parseInt(size.group(1));
		}

		long records(String loggerName) throws IOException {
			return JsonLogFile.read(this.records)
				.stream()
				.map((line) -> (Map<String, Object>) line)
				.filter((line) -> loggerName.equals(line.get("logger_name")))
				.count();
		}

		String output() throws IOException {
			return Files.readString(this.output);
		}

		private int post(String requestId) throws IOException, InterruptedException {
			HttpRequest request = HttpRequest.newBuilder(uri("/call"))
				.header("Content-Type", "text/plain")
				.header("X-Request-Id", requestId)
				.POST(HttpRequest.BodyPublishers.ofString("Say hello for " + requestId))
				.build();
			return ShutdownIT.this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}

		private String get(String path) throws IOException, InterruptedException {
			return ShutdownIT.this.client
				.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString())
				.body();
		}

		private URI uri(String path) {
			return URI.create("http://127.0.0.1:" + this.port + path);
		}

	}

}
