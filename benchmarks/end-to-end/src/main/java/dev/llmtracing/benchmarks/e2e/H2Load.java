package dev.llmtracing.benchmarks.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code h2load} (Debian's {@code nghttp2-client}) against the gRPC service of one
 * application: every request is the same unary call, an HTTP/2 POST whose body is one
 * length-prefixed {@code AskRequest}, with the context and user ID as metadata. h2load
 * sends no request ID: llm-tracing's interceptor generates one per call, so every call
 * gets its own request record, as with the per-request IDs of {@link Wrk}. A failed call
 * is still HTTP 200 (its {@code grpc-status} is in the trailers), so the driver adds the
 * failures the service counted itself.
 *
 * @author llm-tracing
 */
final class H2Load {

	static final String PREFIX = "grpc:";

	private static final Pattern FINISHED = Pattern.compile("finished in ([\\d.]+)(ms|s|m),");

	private static final Pattern REQUESTS = Pattern.compile(
			"requests: \\d+ total, \\d+ started, (\\d+) done, \\d+ succeeded, (\\d+) failed, (\\d+) errored, (\\d+) timeout");

	private static final Pattern STATUS = Pattern.compile("status codes: \\d+ 2xx, (\\d+) 3xx, (\\d+) 4xx, (\\d+) 5xx");

	private final int threads;

	private final int connections;

	private final Path requestBody;

	H2Load(int threads, int connections, Path dir) throws IOException {
		this.threads = threads;
		this.connections = connections;
		this.requestBody = dir.resolve("ask-request.bin");
		Files.write(this.requestBody, askRequest("hello"));
	}

	/**
	 * Whether a scenario path names a gRPC method ({@code grpc:/package.Service/Method}).
	 */
	static boolean isGrpc(String path) {
		return path.startsWith(PREFIX);
	}

	/**
	 * Load the gRPC method for the given time.
	 * @param app the application
	 * @param path the method, as a scenario names it
	 * @param duration how long
	 * @param rate the calls per second to pace the load at, across all connections, or 0
	 * for a closed loop
	 * @return what was served
	 */
	Wrk.Result run(AppProcess app, String path, Duration duration, double rate)
			throws IOException, InterruptedException {
		long failedBefore = app.grpcFailures();
		List<String> command = new ArrayList<>(List.of("h2load", "-t" + this.threads, "-c" + this.connections, "-m1",
				"-D" + duration.toSeconds(), "-d", this.requestBody.toString(), "-H", "content-type: application/grpc",
				"-H", "te: trailers", "-H", "x-context-id: bench-context-1", "-H", "x-user-id: bench-user-1",
				app.grpcUrl(path.substring(PREFIX.length()))));
		if (rate > 0) {
			// h2load paces each connection ("client") on its own
			command.add(1, String.format(Locale.ROOT, "--rps=%.3f", rate / this.connections));
		}
		Process h2load = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(h2load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (h2load.waitFor() != 0) {
			throw new IOException("h2load failed: " + output);
		}
		Wrk.Result result = parse(output);
		long failedCalls = app.grpcFailures() - failedBefore;
		return new Wrk.Result(result.requests(), result.seconds(), result.failed() + failedCalls);
	}

	static Wrk.Result parse(String output) {
		Matcher finished = FINISHED.matcher(output);
		Matcher requests = REQUESTS.matcher(output);
		Matcher status = STATUS.matcher(output);
		if (!finished.find() || !requests.find() || !status.find()) {
			throw new IllegalStateException("Unexpected h2load output: " + output);
		}
		double time = Double.parseDouble(finished.group(1));
		double seconds = switch (finished.group(2)) {
			case "ms" -> time / 1000;
			case "m" -> time * 60;
			default -> time;
		};
		long failed = 0;
		for (int i = 2; i <= 4; i++) {
			failed += Long.parseLong(requests.group(i));
		}
		for (int i = 1; i <= 3; i++) {
			failed += Long.parseLong(status.group(i));
		}
		return new Wrk.Result(Long.parseLong(requests.group(1)), seconds, failed);
	}

	/**
	 * A gRPC message frame (no compression, 4-byte length) holding an {@code AskRequest}
	 * whose field 1, {@code q}, is the question (protobuf: tag, length, UTF-8 bytes).
	 */
	static byte[] askRequest(String question) {
		byte[] text = question.getBytes(StandardCharsets.UTF_8);
		if (text.length > 127) {
			throw new IllegalArgumentException("Questions longer than 127 bytes need a varint length");
		}
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		message.write(0x0a);
		message.write(text.length);
		message.writeBytes(text);
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.write(0);
		int length = message.size();
		frame.write(length >>> 24);
		frame.write(length >>> 16);
		frame.write(length >>> 8);
		frame.write(length);
		frame.writeBytes(message.toByteArray());
		return frame.toByteArray();
	}

}
