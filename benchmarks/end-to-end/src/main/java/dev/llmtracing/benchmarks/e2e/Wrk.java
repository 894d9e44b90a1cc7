package dev.llmtracing.benchmarks.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs {@code wrk} (Debian's package) against one application with the three ID headers,
 * on one path or, for warm-up, on several in turn.
 *
 * @author llm-tracing
 */
final class Wrk {

	private static final AtomicInteger RUNS = new AtomicInteger();

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(ms|s|m)");

	private static final Pattern FAILED = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private final int threads;

	private final int connections;

	private final Path scriptDir;

	Wrk(int threads, int connections, Path scriptDir) {
		this.threads = threads;
		this.connections = connections;
		this.scriptDir = scriptDir;
	}

	/**
	 * The outcome of one load window.
	 *
	 * @param requests the requests completed
	 * @param seconds the length of the window
	 * @param failed the responses other than 2xx and 3xx, and socket errors
	 */
	record Result(long requests, double seconds, long failed) {

		double perSecond() {
			return this.requests / this.seconds;
		}

	}

	/**
	 * Load the application for the given time.
	 * @param app the application
	 * @param paths the paths, sent in turn
	 * @param duration how long
	 * @param rate the requests per second to pace the load at, across all connections, or
	 * 0 to send each request as soon as the last one on its connection is answered
	 * @return what was served
	 */
	Result run(AppProcess app, List<String> paths, Duration duration, double rate)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("wrk", "-t" + this.threads, "-c" + this.connections,
				"-d" + duration.toSeconds() + "s", "-H", "X-Context-Id: bench-context-1", "-H",
				"X-User-Id: bench-user-1", "-s", script(paths, rate).toString(), app.url(paths.get(0))));
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (wrk.waitFor() != 0) {
			throw new IOException("wrk failed: " + output);
		}
		return parse(output);
	}

	static Result parse(String output) {
		Matcher requests = REQUESTS.matcher(output);
		if (!requests.find()) {
			throw new IllegalStateException("Unexpected wrk output: " + output);
		}
		double time = Double.parseDouble(requests.group(2));
		double seconds = switch (requests.group(3)) {
			case "ms" -> time / 1000;
			case "m" -> time * 60;
			default -> time;
		};
		long failed = 0;
		Matcher non2xx = FAILED.matcher(output);
		if (non2xx.find()) {
			failed += Long.parseLong(non2xx.group(1));
		}
		Matcher socket = SOCKET_ERRORS.matcher(output);
		if (socket.find()) {
			for (int i = 1; i <= 4; i++) {
				failed += Long.parseLong(socket.group(i));
			}
		}
		return new Result(Long.parseLong(requests.group(1)), seconds, failed);
	}

	/**
	 * The script that sends the paths in turn, each request with a request ID of its own
	 * (as callers send them: the starter follows one request per request ID at a time, so
	 * one ID for all requests would leave most of them without a request record). The IDs
	 * are unique across runs, threads and requests. A paced script waits the same time
	 * after each answer on each connection ({@code delay()}), so the rate served is a
	 * little under the one asked for, by the time the answers take; it is the same for
	 * every variant to within those few per cent, and the report gives the rate served.
	 */
	private Path script(List<String> paths, double rate) throws IOException {
		String list = paths.stream().map((path) -> "\"" + path + "\"").collect(Collectors.joining(", "));
		String script = """
				local paths = { %s }
				local threads = 0
				function setup(thread)
				  threads = threads + 1
				  thread:set("id", threads)
				end
				local i = 0
				local n = 0
				request = function()
				  i = i %% #paths + 1
				  n = n + 1
				  wrk.headers["X-Request-Id"] = string.format("bench-%d-%%d-%%d", id, n)
				  return wrk.format("GET", paths[i])
				end
				""".formatted(list, RUNS.incrementAndGet());
		if (rate > 0) {
			long intervalMillis = Math.max(1, Math.round(this.connections * 1000 / rate));
			script += """
					delay = function()
					  return %d
					end
					""".formatted(intervalMillis);
		}
		Path file = this.scriptDir.resolve("load-" + Integer.toHexString(list.hashCode()) + "-" + (long) rate + ".lua");
		Files.writeString(file, script);
		return file;
	}

}
