package dev.llmtracing.benchmarks.e2e.app;

import java.lang.management.ManagementFactory;
import java.util.Map;

import com.sun.management.ThreadMXBean;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the benchmark driver reads from the application between windows: bytes allocated
 * by all live threads so far, the gRPC calls that failed so far, and the heap used after
 * a full collection.
 *
 * @author llm-tracing
 */
@RestController
class BenchmarkProbeController {

	private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	@GetMapping("/bench/allocated")
	Map<String, Long> allocated() {
		long total = 0;
		for (long bytes : this.threads.getThreadAllocatedBytes(this.threads.getAllThreadIds())) {
			total += Math.max(bytes, 0);
		}
		return Map.of("bytes", total);
	}

	@GetMapping("/bench/grpc-failures")
	Map<String, Long> grpcFailures() {
		return Map.of("failures", GrpcAskService.failures.get());
	}

	@GetMapping("/bench/heap-after-gc")
	Map<String, Long> heapAfterGc() {
		System.gc();
		return Map.of("bytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
	}

}
