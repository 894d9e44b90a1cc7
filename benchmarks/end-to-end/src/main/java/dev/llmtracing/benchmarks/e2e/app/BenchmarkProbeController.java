package dev.llmtracing.benchmarks.e2e.app;

import java.lang.management.ManagementFactory;
import java.util.Map;

import com.sun.management.ThreadMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the benchmark driver reads from the application between windows: bytes allocated
 * by all live threads so far and how many threads have ended (a thread that ends takes
 * its bytes with it, so a window in which one ended has no allocation figure), the gRPC
 * calls that failed so far, the records (exchange and request records) llm-tracing
 * dropped so far, its queue full, and the heap used after a full collection.
 *
 * @author llm-tracing
 */
@RestController
class BenchmarkProbeController {

	/**
	 * The meter of {@code MetricNames.RECORDS_DROPPED}, spelled here because the build
	 * without the starter has no llm-tracing class to read it from.
	 */
	private static final String RECORDS_DROPPED = "llm.tracing.records.dropped";

	private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private final ObjectProvider<MeterRegistry> registry;

	BenchmarkProbeController(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@GetMapping("/bench/allocated")
	Map<String, Long> allocated() {
		long ended;
		long total;
		do {
			ended = endedThreads();
			total = 0;
			for (long bytes : this.threads.getThreadAllocatedBytes(this.threads.getAllThreadIds())) {
				total += Math.max(bytes, 0);
			}
		}
		while (ended != endedThreads());
		return Map.of("bytes", total, "ended", ended);
	}

	private long endedThreads() {
		return this.threads.getTotalStartedThreadCount() - this.threads.getThreadCount();
	}

	@GetMapping("/bench/grpc-failures")
	Map<String, Long> grpcFailures() {
		return Map.of("failures", GrpcAskService.failures.get());
	}

	/**
	 * The records llm-tracing dropped so far (exchange and request records), read from
	 * its meter, or {@code -1} without the starter or with its metrics off.
	 * @return the count, or {@code -1}
	 */
	@GetMapping("/bench/records-dropped")
	Map<String, Long> recordsDropped() {
		MeterRegistry registry = this.registry.getIfAvailable();
		FunctionCounter dropped = (registry != null) ? registry.find(RECORDS_DROPPED).functionCounter() : null;
		return Map.of("dropped", (dropped != null) ? (long) dropped.count() : -1L);
	}

	@GetMapping("/bench/heap-after-gc")
	Map<String, Long> heapAfterGc() {
		System.gc();
		return Map.of("bytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
	}

}
