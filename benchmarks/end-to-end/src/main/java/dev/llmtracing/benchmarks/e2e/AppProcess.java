package dev.llmtracing.benchmarks.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the application under load: a JVM started with {@code java -jar} on a free
 * port (and its gRPC service on another), its console written to a file, and the probes
 * the driver reads between windows.
 *
 * @author llm-tracing
 */
final class AppProcess implements AutoCloseable {

	private static final Pattern COUNT = Pattern.compile("\":(-?\\d+)");

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final int grpcPort;

	private final Process process;

	private AppProcess(String name, int port, int grpcPort, Process process) {
		this.name = name;
		this.port = port;
		this.grpcPort = grpcPort;
		this.process = process;
	}

	static AppProcess start(Variant variant, Path jar, String zipkinEndpoint, List<String> jvmOptions, Path logDir)
			throws IOException {
		int port = freePort();
		int grpcPort = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		command.add("--spring.grpc.server.port=" + grpcPort);
		command.add("--management.tracing.export.zipkin.endpoint=" + zipkinEndpoint);
		command.addAll(variant.arguments());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(logDir.resolve(variant.name() + ".log").toFile())
			.start();
		return new AppProcess(variant.name(), port, grpcPort, process);
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	String grpcUrl(String methodPath) {
		return "http://127.0.0.1:" + this.grpcPort + methodPath;
	}

	void awaitReady(Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + ", see its log");
			}
			try {
				if (get("/actuator/health").contains("UP")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(this.name + " did not start within " + timeout);
	}

	/**
	 * Return the bytes allocated so far by the live threads, and how many threads have
	 * ended so far ({@code -1} from the jar of an earlier commit, whose probe does not
	 * say).
	 */
	Allocation allocation() throws IOException, InterruptedException {
		String json = get("/bench/allocated");
		return new Allocation(count(json, "bytes"), json.contains("\"ended\"") ? count(json, "ended") : -1);
	}

	long grpcFailures() throws IOException, InterruptedException {
		return count(get("/bench/grpc-failures"));
	}

	/**
	 * Return the records the starter dropped so far, or {@code -1} when the application
	 * does not say (no starter, its metrics off, or the jar of an earlier commit, whose
	 * probe has no such endpoint).
	 */
	long recordsDropped() throws IOException, InterruptedException {
		HttpResponse<String> response = send("/bench/records-dropped");
		return (response.statusCode() != 404) ? count(ok(response, "/bench/records-dropped")) : -1;
	}

	long heapAfterFullGc() throws IOException, InterruptedException {
		return count(get("/bench/heap-after-gc"));
	}

	ThreadCpu cpu() throws IOException {
		return ThreadCpu.of(pid());
	}

	String get(String path) throws IOException, InterruptedException {
		return ok(send(path), path);
	}

	private HttpResponse<String> send(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String ok(HttpResponse<String> response, String path) throws IOException {
		if (response.statusCode() != 200) {
			throw new IOException(this.name + " answered " + response.statusCode() + " to " + path);
		}
		return response.body();
	}

	private static long count(String json, String key) {
		return count(json.substring(json.indexOf("\"" + key + "\"")));
	}

	private static long count(String json) {
		Matcher matcher = COUNT.matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("No count in " + json);
		}
		return Long.parseLong(matcher.group(1));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	/**
	 * What the probe said about allocation at one moment.
	 *
	 * @param bytes bytes allocated so far by the live threads
	 * @param endedThreads threads ended so far, or {@code -1} when not known
	 */
	record Allocation(long bytes, long endedThreads) {

		/**
		 * Return the bytes allocated since an earlier reading, or {@code -1} when a
		 * thread ended in between: its bytes left the sum, so the difference would be too
		 * low, even below zero. An earlier commit's probe does not say, so its figure is
		 * not checked.
		 * @param before the earlier reading
		 * @return the bytes, or {@code -1}
		 */
		long since(Allocation before) {
			if (this.endedThreads < 0 || before.endedThreads < 0) {
				return this.bytes - before.bytes;
			}
			return (this.endedThreads == before.endedThreads) ? this.bytes - before.bytes : -1;
		}

	}

}
