import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soak test of the sample app (not part of CI): steady load for some minutes, and each
 * minute the heap after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}) and the
 * record writer's queue ({@code /actuator/health/llmTracing}), to show that they stay flat.
 * Only loopback addresses are used; the load stops by itself.
 *
 * <pre>
 * ./mvnw -o -B -q -pl sample-app -am package -DskipTests
 * java benchmarks/Soak.java [minutes=10] [concurrency=8] [jar=sample-app/target/sample-app-0.1.0-SNAPSHOT.jar]
 * </pre>
 */
public class Soak {

	private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

	private static final Pattern QUEUE_SIZE = Pattern.compile("\"size\":(\\d+)");

	private static final Pattern DROPPED = Pattern.compile("\"recordsDropped\":(\\d+)");

	private static final Pattern STATUS = Pattern.compile("\"status\":\"(\\w+)\"");

	public static void main(String[] args) throws Exception {
		int minutes = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		int concurrency = (args.length > 1) ? Integer.parseInt(args[1]) : 8;
		Path jar = Path.of((args.length > 2) ? args[2] : "sample-app/target/sample-app-0.1.0-SNAPSHOT.jar");
		Path dir = Files.createDirectories(Path.of("target/soak"));
		Path records = dir.resolve("sample-app.json");
		Files.deleteIfExists(records);
		int port = freePort();
		Process app = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
				"--sample.stand-in.port=" + freePort(), "--sample.stand-in.latency=20ms",
				"--spring.grpc.server.port=" + freePort(), "--sample.log.json-file=" + records,
				"--management.endpoint.health.show-details=always")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("app.log").toFile())
			.start();
		try {
			run(app, port, minutes, concurrency);
		}
		finally {
			app.destroy();
			if (!app.waitFor(60, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
		long lines = Files.lines(records).filter((line) -> line.contains("\"logger_name\":\"llm.tracing.exchange\""))
			.count();
		System.out.printf("after SIGTERM: exit %d, %d exchange records in %s%n", app.exitValue(), lines, records);
	}

	private static void run(Process app, int port, int minutes, int concurrency) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String base = "http://127.0.0.1:" + port;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (!get(client, base + "/actuator/health").contains("\"status\":\"UP\"")) {
			if (System.nanoTime() > deadline || !app.isAlive()) {
				throw new IllegalStateException("the sample app did not start; see target/soak/app.log");
			}
			Thread.sleep(1000);
		}
		AtomicLong sent = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
		ExecutorService load = Executors.newFixedThreadPool(concurrency);
		for (int i = 0; i < concurrency; i++) {
			load.submit(() -> {
				while (System.nanoTime() < end) {
					long n = sent.incrementAndGet();
					String path = (n % 10 < 6) ? "/chat" : (n % 10 < 9) ? "/chat/stream" : "/tools";
					String body = (n % 10 == 9) ? "What is the weather in Kyoto?" : "Tell me about soak " + n;
					HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
						.timeout(Duration.ofSeconds(30))
						.header("Content-Type", "text/plain")
						.header("X-Request-Id", "soak-" + n)
						.header("X-User-Id", "user-" + (n % 100))
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build();
					try {
						if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
							errors.incrementAndGet();
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
					}
				}
			});
		}
		load.shutdown();
		System.out.printf("soak: %d minutes at %d concurrent requests, pid %d%n", minutes, concurrency, app.pid());
		System.out.println("| minute | requests | requests/s | errors | heap after full GC (MB) | writer queue | dropped | health |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		long previous = 0;
		for (int minute = 0; minute <= minutes; minute++) {
			if (minute > 0) {
				Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())
						- TimeUnit.MINUTES.toMillis(minutes - minute)));
			}
			long now = sent.get();
			jcmd(app.pid(), "GC.run");
			long heapKb = find(HEAP_USED, jcmd(app.pid(), "GC.heap_info"));
			String health = get(client, base + "/actuator/health/llmTracing");
			System.out.printf("| %d | %d | %d | %d | %.1f | %d | %d | %s |%n", minute, now,
					(minute > 0) ? (now - previous) / 60 : 0, errors.get(), heapKb / 1024.0, find(QUEUE_SIZE, health),
					find(DROPPED, health), findText(STATUS, health));
			previous = now;
		}
		load.awaitTermination(60, TimeUnit.SECONDS);
	}

	private static String jcmd(long pid, String command) throws IOException, InterruptedException {
		Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
		String output = new String(jcmd.getInputStream().readAllBytes());
		jcmd.waitFor(60, TimeUnit.SECONDS);
		return output;
	}

	private static String get(HttpClient client, String uri) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build();
			return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (Exception ex) {
			return "";
		}
	}

	private static long find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}

	private static String findText(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.group(1) : "?";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
