package dev.llmtracing.benchmarks.e2e;

import java.util.Map;

/**
 * What one measured window of one variant cost.
 *
 * @param round the round, from 1
 * @param scenario the scenario
 * @param variant the variant
 * @param load what the load generator saw
 * @param cpuNanos CPU nanoseconds by thread group, and {@code total}
 * @param allocatedBytes bytes allocated by the application's threads, or {@code -1} when
 * not known (a thread ended in the window and took its count with it)
 * @param recordsDropped records the starter dropped in the window (its queue full, so
 * their writing is not in the figures; exchange and request records), or {@code -1} when
 * not known
 * @author llm-tracing
 */
record Window(int round, Scenario scenario, Variant variant, Wrk.Result load, Map<String, Long> cpuNanos,
		long allocatedBytes, long recordsDropped) {

	double microsPerRequest(String group) {
		return this.cpuNanos.getOrDefault(group, 0L) / 1000.0 / this.load.requests();
	}

	/**
	 * Return the kilobytes allocated per request, or {@code NaN} when not known.
	 * @return the kilobytes, or {@code NaN}
	 */
	double kilobytesPerRequest() {
		return (this.allocatedBytes >= 0) ? this.allocatedBytes / 1024.0 / this.load.requests() : Double.NaN;
	}

	String csv() {
		StringBuilder line = new StringBuilder().append(this.round)
			.append(',')
			.append(this.scenario.name())
			.append(',')
			.append(this.variant.name())
			.append(',')
			.append(this.load.requests())
			.append(',')
			.append(String.format("%.1f", this.load.perSecond()))
			.append(',')
			.append(this.load.failed());
		for (String group : ThreadCpu.GROUPS) {
			line.append(',').append(String.format("%.2f", microsPerRequest(group)));
		}
		line.append(',').append(String.format("%.2f", microsPerRequest("total")));
		line.append(',').append(this.allocatedBytes >= 0 ? String.format("%.2f", kilobytesPerRequest()) : "");
		line.append(',').append(this.recordsDropped);
		return line.toString();
	}

	static String csvHeader() {
		return "round,scenario,variant,requests,req_per_s,failed,"
				+ String.join(",",
						ThreadCpu.GROUPS.stream().map((group) -> "cpu_us_" + group.replace('-', '_')).toList())
				+ ",cpu_us_total,alloc_kb,records_dropped";
	}

}
