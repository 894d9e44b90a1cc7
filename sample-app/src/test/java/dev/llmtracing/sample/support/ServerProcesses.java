package dev.llmtracing.sample.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Starts, queries and stops the server processes that the end-to-end tests run on a
 * loopback port, and removes their files.
 *
 * @author llm-tracing
 */
public final class ServerProcesses {

	private ServerProcesses() {
	}

	/**
	 * Start a process with its standard output and error written to a log file.
	 * @param log the log file
	 * @param command the command and its arguments
	 * @return the process
	 * @throws IOException if it cannot be started
	 */
	public static Process start(Path log, String... command) throws IOException {
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/**
	 * Wait until a server answers a GET of its readiness path with 200, failing at once
	 * if its process ends.
	 * @param process the server's process
	 * @param http the client to ask with
	 * @param port the server's loopback port
	 * @param readyPath the path that answers 200 once the server is ready
	 * @param atMost how long to wait
	 * @param pollInterval how long to wait between two GETs
	 * @param exitMessage the message of the exception thrown if the process ended
	 */
	public static void awaitReady(Process process, HttpClient http, int port, String readyPath, Duration atMost,
			Duration pollInterval, Supplier<String> exitMessage) {
		await().atMost(atMost).pollInterval(pollInterval).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException(exitMessage.get());
			}
			try {
				return get(http, port, readyPath).statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	/**
	 * GET a path of a server on a loopback port, waiting at most ten seconds.
	 * @param http the client
	 * @param port the server's port
	 * @param path the path, with its query
	 * @return the response
	 * @throws IOException if the request fails, times out or is interrupted
	 */
	public static HttpResponse<String> get(HttpClient http, int port, String path) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	/**
	 * Stop a process, forcibly if it does not end within ten seconds, then delete a path
	 * and everything below it.
	 * @param process the process
	 * @param files the file or folder to delete
	 * @throws IOException if the files cannot be deleted
	 */
	public static void stop(Process process, Path files) throws IOException {
		process.destroy();
		try {
			if (!process.waitFor(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (Files.exists(files)) {
			try (Stream<Path> paths = Files.walk(files)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

}
