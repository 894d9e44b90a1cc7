package dev.llmtracing.benchmarks.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of one process by thread group, read from {@code /proc}: a snapshot holds the
 * process total and each live thread's time; the difference of two snapshots says where
 * the CPU of a window went. Threads that ended during the window count as {@code exited}.
 *
 * @author llm-tracing
 */
final class ThreadCpu {

	/**
	 * Thread groups in report order: a thread belongs to the first whose prefix it has.
	 */
	static final List<String> GROUPS = List.of("request", "llm-tracing", "exporter", "gc", "jit", "other", "exited");

	private static final long NANOS_PER_TICK = 1_000_000_000L / 100;

	private final long processNanos;

	private final Map<String, Long> threadNanos;

	private final Map<String, String> threadGroups;

	private ThreadCpu(long processNanos, Map<String, Long> threadNanos, Map<String, String> threadGroups) {
		this.processNanos = processNanos;
		this.threadNanos = threadNanos;
		this.threadGroups = threadGroups;
	}

	static ThreadCpu of(long pid) throws IOException {
		Path proc = Path.of("/proc", Long.toString(pid));
		long process = cpuNanos(Files.readString(proc.resolve("stat")));
		Map<String, Long> threads = new LinkedHashMap<>();
		Map<String, String> groups = new LinkedHashMap<>();
		try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
			for (Path task : tasks.toList()) {
				try {
					String tid = task.getFileName().toString();
					threads.put(tid, cpuNanos(Files.readString(task.resolve("stat"))));
					groups.put(tid, group(Files.readString(task.resolve("comm")).trim()));
				}
				catch (IOException ex) {
					// the thread ended while being read: its time shows as exited
				}
			}
		}
		return new ThreadCpu(process, threads, groups);
	}

	/**
	 * Returns the CPU nanoseconds spent in each group between {@code before} and this
	 * snapshot, and the process total under {@code total}.
	 */
	Map<String, Long> since(ThreadCpu before) {
		Map<String, Long> groups = new LinkedHashMap<>();
		GROUPS.forEach((group) -> groups.put(group, 0L));
		long live = 0;
		for (Map.Entry<String, Long> thread : this.threadNanos.entrySet()) {
			long spent = thread.getValue() - before.threadNanos.getOrDefault(thread.getKey(), 0L);
			groups.merge(this.threadGroups.get(thread.getKey()), spent, Long::sum);
			live += spent;
		}
		long total = this.processNanos - before.processNanos;
		groups.put("exited", Math.max(0, total - live));
		groups.put("total", total);
		return groups;
	}

	static String group(String threadName) {
		// Tomcat's request threads; in the WebFlux runs Netty's event loops (the name is
		// cut to 15 characters) and the bounded elastic threads that run the blocking
		// calls; in the gRPC run grpc-java's executor and Netty event loops
		if (threadName.startsWith("http-nio") || threadName.startsWith("reactor-http")
				|| threadName.startsWith("boundedElastic") || threadName.startsWith("grpc-default")) {
			return "request";
		}
		if (threadName.startsWith("llm-tracing")) {
			return "llm-tracing";
		}
		if (threadName.startsWith("BatchSpanProc") || threadName.startsWith("HttpClient")
				|| threadName.contains("zipkin")) {
			return "exporter";
		}
		if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
			return "gc";
		}
		if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
			return "jit";
		}
		return "other";
	}

	private static long cpuNanos(String stat) {
		// fields after the command name, which may hold spaces and parentheses
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// utime and stime are fields 14 and 15 of stat, 12 and 13 after the name
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
	}

}
