package dev.llmtracing.benchmarks.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The end-to-end benchmark: the same application built without and with the starter, each
 * variant in its own JVM, warmed up until its throughput stops rising, then loaded in
 * interleaved rounds (every variant of a scenario once per round, in alternating order)
 * while the CPU of each thread group and the bytes allocated are read between windows.
 * See {@code benchmarks/README.md} for the method and the figures.
 *
 * <p>
 * Options, each {@code --name=value}: {@code without-jar}, {@code with-jar},
 * {@code scenarios} (comma-separated, default all), {@code rounds} (5), {@code window}
 * (15s), {@code warmup-min} (60s), {@code warmup-max} (180s), {@code warmup-window}
 * (10s), {@code connections} (16), {@code threads} (2), {@code jvm} (space-separated JVM
 * options, default {@code -Xms1g -Xmx1g}), {@code rate} (requests per second to pace the
 * measured windows at, default 0: as fast as the application answers; warm-up is never
 * paced), {@code out} (target/bench), {@code experiment}, {@code webflux-experiment} and
 * {@code grpc-experiment} (extra variants of the build with the starter, see
 * {@link Experiments}).
 *
 * @author llm-tracing
 */
public final class EndToEndBenchmark {

	private final Map<String, String> options;

	private final Wrk wrk;

	private final H2Load h2load;

	private final Path out;

	private final double rate;

	private EndToEndBenchmark(Map<String, String> options) throws Exception {
		this.options = options;
		this.out = Path.of(option("out", "target/bench"));
		Files.createDirectories(this.out);
		int threads = Integer.parseInt(option("threads", "2"));
		int connections = Integer.parseInt(option("connections", "16"));
		if (threads < 1 || connections < threads) {
			// wrk and h2load refuse fewer connections than threads, but only once a JVM
			// is up
			throw new IllegalArgumentException("--threads=" + threads + " and --connections=" + connections
					+ ": give at least one thread and no fewer connections than threads, such as --connections="
					+ connections + " --threads=" + Math.max(1, Math.min(threads, connections)));
		}
		this.rate = Double.parseDouble(option("rate", "0"));
		if (this.rate < 0 || this.rate > connections * 1000.0) {
			// wrk paces a connection in whole milliseconds
			throw new IllegalArgumentException("--rate=" + option("rate", "0")
					+ ": give requests per second between 1 and 1,000 per connection (--connections=" + connections
					+ "), or 0 for an unpaced load");
		}
		this.wrk = new Wrk(threads, connections, this.out);
		this.h2load = new H2Load(threads, connections, this.out);
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			options.put(pair[0], (pair.length > 1) ? pair[1] : "true");
		}
		new EndToEndBenchmark(options).run();
	}

	private void run() throws Exception {
		List<Scenario> scenarios = selectedScenarios();
		Set<Variant> variants = new LinkedHashSet<>();
		scenarios.forEach((scenario) -> variants.addAll(scenario.variants()));
		Map<Variant, AppProcess> apps = new LinkedHashMap<>();
		Map<String, String> warmups = new LinkedHashMap<>();
		Map<String, Long> heapAfterGc = new LinkedHashMap<>();
		List<Window> windows = new ArrayList<>();
		List<String> jvm = Arrays.asList(option("jvm", "-Xms1g -Xmx1g").trim().split("\\s+"));
		try (SpanSink spans = new SpanSink()) {
			try {
				for (Variant variant : variants) {
					Path jar = Path.of((variant.jar() != null) ? variant.jar()
							: variant.withStarter() ? option("with-jar", "target/app-with.jar")
									: option("without-jar", "target/app-without.jar"));
					AppProcess app = AppProcess.start(variant, jar, spans.endpoint(), jvm, this.out);
					app.awaitReady(Duration.ofMinutes(2));
					apps.put(variant, app);
				}
				for (Map.Entry<Variant, AppProcess> app : apps.entrySet()) {
					warmups.put(app.getKey().name(), warmUp(app.getValue(), pathsOf(scenarios, app.getKey())));
				}
				System.out.println(Window.csvHeader());
				int rounds = Integer.parseInt(option("rounds", "5"));
				Duration window = duration("window", "15s");
				for (int round = 1; round <= rounds; round++) {
					for (Scenario scenario : scenarios) {
						List<Variant> order = new ArrayList<>(scenario.variants());
						if (round % 2 == 0) {
							java.util.Collections.reverse(order);
						}
						for (Variant variant : order) {
							Window measured = measure(round, scenario, variant, apps.get(variant), window);
							windows.add(measured);
							System.out.println(measured.csv());
						}
					}
				}
				for (Map.Entry<Variant, AppProcess> app : apps.entrySet()) {
					heapAfterGc.put(app.getKey().name(), app.getValue().heapAfterFullGc());
				}
			}
			finally {
				for (AppProcess app : apps.values()) {
					app.close();
				}
			}
			Files.writeString(this.out.resolve("windows.csv"),
					Window.csvHeader() + "\n" + String.join("\n", windows.stream().map(Window::csv).toList()) + "\n");
			String report = paced() + new Report(windows).markdown(scenarios, warmups, heapAfterGc)
					+ String.format("%nSpans received by the Zipkin endpoint: %d posts, %.1f MB.%n", spans.posts(),
							spans.bytes() / 1024.0 / 1024.0)
					+ recordCounts(variants);
			Files.writeString(this.out.resolve("results.md"), report);
			System.out.println(report);
			check(windows, variants);
		}
	}

	/**
	 * Fails the run when a measured window had failed responses, or when a build with the
	 * starter that should write exchange records wrote none (it would not have measured
	 * the starter; see {@link Variant#writesRecords()}).
	 */
	private void check(List<Window> windows, Set<Variant> variants) throws java.io.IOException {
		long failed = windows.stream().mapToLong((window) -> window.load().failed()).sum();
		List<String> problems = new ArrayList<>();
		if (failed > 0) {
			problems.add(failed + " failed responses");
		}
		for (Variant variant : variants) {
			if (variant.writesRecords()) {
				try (java.util.stream.Stream<String> lines = Files.lines(this.out.resolve(variant.name() + ".log"))) {
					if (lines.noneMatch((line) -> line.contains("\"llm.tracing.exchange\""))) {
						problems.add(variant.name() + " wrote no exchange record");
					}
				}
			}
		}
		if (!problems.isEmpty()) {
			System.err.println("End-to-end benchmark failed: " + String.join(", ", problems));
			System.exit(1);
		}
	}

	/**
	 * The exchange and request records each build with the starter wrote, warm-up
	 * included: a request record per request shows that the starter measured what it does
	 * for requests (one request ID for many requests would leave most without).
	 */
	private String recordCounts(Set<Variant> variants) throws java.io.IOException {
		StringBuilder counts = new StringBuilder(String.format("%nRecords written, warm-up included:%n%n"));
		for (Variant variant : variants) {
			if (variant.withStarter()) {
				long exchanges = 0;
				long requests = 0;
				try (java.util.stream.Stream<String> lines = Files.lines(this.out.resolve(variant.name() + ".log"))) {
					for (String line : (Iterable<String>) lines::iterator) {
						if (line.contains("\"llm.tracing.exchange\"")) {
							exchanges++;
						}
						else if (line.contains("\"llm.tracing.request\"")) {
							requests++;
						}
					}
				}
				counts.append(String.format("- %s: %,d exchange records, %,d request records%n", variant.name(),
						exchanges, requests));
			}
		}
		return counts.toString();
	}

	private String warmUp(AppProcess app, List<String> paths) throws Exception {
		Duration step = duration("warmup-window", "10s");
		long min = duration("warmup-min", "60s").toSeconds();
		long max = duration("warmup-max", "180s").toSeconds();
		List<Double> series = new ArrayList<>();
		long elapsed = 0;
		while (elapsed < max) {
			series.add(load(app, paths, step, 0).perSecond());
			elapsed += step.toSeconds();
			if (elapsed >= min && settled(series)) {
				break;
			}
		}
		double last = series.get(series.size() - 1);
		int steadyAt = 0;
		while (series.get(steadyAt) < 0.97 * last) {
			steadyAt++;
		}
		StringJoiner joined = new StringJoiner(", ");
		series.forEach((rate) -> joined.add(String.format("%.0f", rate)));
		String summary = joined
				+ String.format(" (within 3%% of the last after %d s)", (steadyAt + 1) * step.toSeconds());
		System.out.println("warm-up " + app.name() + ": " + summary);
		return summary;
	}

	private static boolean settled(List<Double> series) {
		int n = series.size();
		return n >= 3 && Math.abs(series.get(n - 1) / series.get(n - 2) - 1) < 0.03
				&& Math.abs(series.get(n - 2) / series.get(n - 3) - 1) < 0.03;
	}

	private Window measure(int round, Scenario scenario, Variant variant, AppProcess app, Duration window)
			throws Exception {
		ThreadCpu cpuBefore = app.cpu();
		AppProcess.Allocation allocatedBefore = app.allocation();
		long droppedBefore = app.recordsDropped();
		Wrk.Result load = load(app, List.of(scenario.path()), window, this.rate);
		ThreadCpu cpuAfter = app.cpu();
		long allocated = app.allocation().since(allocatedBefore);
		long droppedAfter = app.recordsDropped();
		long dropped = (droppedBefore < 0 || droppedAfter < 0) ? -1 : droppedAfter - droppedBefore;
		return new Window(round, scenario, variant, load, cpuAfter.since(cpuBefore), allocated, dropped);
	}

	/**
	 * Loads the paths with wrk, or a gRPC method with h2load (a gRPC variant has only
	 * that path), paced at the given rate unless it is 0.
	 */
	private Wrk.Result load(AppProcess app, List<String> paths, Duration duration, double rate) throws Exception {
		if (H2Load.isGrpc(paths.get(0))) {
			if (paths.size() > 1) {
				throw new IllegalArgumentException("A gRPC variant is loaded on one method only: " + paths);
			}
			return this.h2load.run(app, paths.get(0), duration, rate);
		}
		return this.wrk.run(app, paths, duration, rate);
	}

	private List<Scenario> selectedScenarios() {
		List<String> names = Arrays
			.asList(option("scenarios", "call,stream,tool,stages,content-4kb,webflux-call,webflux-stream,grpc-call")
				.split(","));
		List<Scenario> selected = Scenario.ALL.stream()
			.filter((scenario) -> names.contains(scenario.name()))
			.map(new Experiments(this.options)::addTo)
			.toList();
		if (selected.size() != names.size()) {
			throw new IllegalArgumentException(
					"Unknown scenario in " + names + ", known: " + Scenario.ALL.stream().map(Scenario::name).toList());
		}
		return selected;
	}

	/**
	 * What a paced run's figures mean: every variant served about the same rate, so the
	 * ratio says only how close the rates came; CPU and allocation per request are the
	 * figures, and nothing is saturated, so no record is dropped for want of a core.
	 */
	private String paced() {
		if (this.rate == 0) {
			return "";
		}
		return String.format(
				"%nMeasured windows paced at %.0f requests per second (warm-up unpaced): read CPU and "
						+ "allocation per request; the ratio only says how close each variant came to the rate.%n",
				this.rate);
	}

	private static List<String> pathsOf(List<Scenario> scenarios, Variant variant) {
		return scenarios.stream()
			.filter((scenario) -> scenario.variants().contains(variant))
			.map(Scenario::path)
			.toList();
	}

	private Duration duration(String name, String fallback) {
		String value = option(name, fallback);
		return Duration.ofSeconds(Long.parseLong(value.replaceFirst("s$", "")));
	}

	private String option(String name, String fallback) {
		return this.options.getOrDefault(name, fallback);
	}

}
