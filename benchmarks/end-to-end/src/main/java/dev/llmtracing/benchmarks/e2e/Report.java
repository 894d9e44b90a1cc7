package dev.llmtracing.benchmarks.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The figures of a run as Markdown: for each scenario and variant the median over rounds
 * of throughput, CPU per request by thread group and allocation per request, and against
 * the baseline of the same round the throughput ratio (median, min–max) and the added
 * CPU.
 *
 * @author llm-tracing
 */
final class Report {

	private final List<Window> windows;

	Report(List<Window> windows) {
		this.windows = windows;
	}

	String markdown(List<Scenario> scenarios, Map<String, String> warmups, Map<String, Long> heapAfterGc) {
		StringBuilder out = new StringBuilder();
		for (Scenario scenario : scenarios) {
			Variant baseline = scenario.variants().get(0);
			out.append("\n### ").append(scenario.name()).append(" (`GET ").append(scenario.path()).append("`)\n\n");
			out.append("| variant | req/s | ratio (min–max) | CPU µs/req total | added | request threads | "
					+ "llm-tracing writer | exporter | gc | jit | other+exited | alloc KB/req | added |\n");
			out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
			for (Variant variant : scenario.variants()) {
				List<Window> own = of(scenario, variant);
				if (own.isEmpty()) {
					continue;
				}
				List<Double> ratios = new ArrayList<>();
				List<Double> addedCpu = new ArrayList<>();
				List<Double> addedAlloc = new ArrayList<>();
				for (Window window : own) {
					Window base = find(window.round(), scenario, baseline);
					if (base != null) {
						ratios.add(window.load().perSecond() / base.load().perSecond());
						addedCpu.add(window.microsPerRequest("total") - base.microsPerRequest("total"));
						double added = window.kilobytesPerRequest() - base.kilobytesPerRequest();
						if (!Double.isNaN(added)) {
							addedAlloc.add(added);
						}
					}
				}
				boolean isBaseline = variant.equals(baseline);
				out.append("| ").append(variant.name());
				cell(out, "%.0f", median(own, (w) -> w.load().perSecond()));
				out.append(isBaseline ? " | 1" : " | " + String.format("%.3f (%.3f–%.3f)", median(ratios),
						Collections.min(ratios), Collections.max(ratios)));
				cell(out, "%.1f", median(own, (w) -> w.microsPerRequest("total")));
				out.append(isBaseline ? " | –" : String.format(" | %+.1f", median(addedCpu)));
				cell(out, "%.1f", median(own, (w) -> w.microsPerRequest("request")));
				cell(out, "%.1f", median(own, (w) -> w.microsPerRequest("llm-tracing")));
				cell(out, "%.1f", median(own, (w) -> w.microsPerRequest("exporter")));
				cell(out, "%.1f", median(own, (w) -> w.microsPerRequest("gc")));
				cell(out, "%.1f", median(own, (w) -> w.microsPerRequest("jit")));
				cell(out, "%.1f", median(own, (w) -> w.microsPerRequest("other") + w.microsPerRequest("exited")));
				cell(out, "%.2f", median(own, Window::kilobytesPerRequest));
				out.append(isBaseline ? " | –"
						: addedAlloc.isEmpty() ? " | n/a" : String.format(" | %+.2f", median(addedAlloc)));
				out.append(" |\n");
			}
			long failed = this.windows.stream()
				.filter((w) -> w.scenario().equals(scenario))
				.mapToLong((w) -> w.load().failed())
				.sum();
			out.append("\nFailed responses in measured windows: ").append(failed).append(".\n");
			dropped(out, scenario);
		}
		out.append("\n### Warm-up (req/s per window, mixed load on all measured paths)\n\n");
		warmups.forEach((name, series) -> out.append("- ").append(name).append(": ").append(series).append('\n'));
		out.append("\n### Heap used after a full GC, at the end\n\n");
		heapAfterGc.forEach((name, bytes) -> out.append("- ")
			.append(name)
			.append(": ")
			.append(String.format("%.1f MB", bytes / 1024.0 / 1024.0))
			.append('\n'));
		return out.toString();
	}

	/**
	 * Say which variants dropped records in their measured windows: a record dropped is a
	 * record not written, so the writer's figures of such a variant leave out part of
	 * what writing every record costs.
	 */
	private void dropped(StringBuilder out, Scenario scenario) {
		StringBuilder said = new StringBuilder();
		for (Variant variant : scenario.variants()) {
			List<Window> own = of(scenario, variant);
			if (!variant.writesRecords() || own.isEmpty()) {
				continue;
			}
			long requests = own.stream().mapToLong((w) -> w.load().requests()).sum();
			boolean known = own.stream().allMatch((w) -> w.recordsDropped() >= 0);
			long dropped = own.stream().mapToLong((w) -> Math.max(w.recordsDropped(), 0)).sum();
			said.append(said.isEmpty() ? "" : ", ")
				.append(variant.name())
				.append(' ')
				.append(known ? String.format("%,d (%.2f per request)", dropped, (double) dropped / requests)
						: "not known");
		}
		if (!said.isEmpty()) {
			out.append("Records dropped in measured windows (queue full; exchange and request records share it, so "
					+ "up to 2 per request; a dropped record's writing is not in the figures): ")
				.append(said)
				.append(".\n");
		}
	}

	private List<Window> of(Scenario scenario, Variant variant) {
		return this.windows.stream()
			.filter((w) -> w.scenario().equals(scenario) && w.variant().equals(variant))
			.toList();
	}

	private Window find(int round, Scenario scenario, Variant variant) {
		return this.windows.stream()
			.filter((w) -> w.round() == round && w.scenario().equals(scenario) && w.variant().equals(variant))
			.findFirst()
			.orElse(null);
	}

	private static void cell(StringBuilder out, String format, double value) {
		out.append(" | ").append(Double.isNaN(value) ? "n/a" : String.format(format, value));
	}

	/**
	 * The median of a figure over windows, leaving out those that do not have it
	 * ({@code NaN}); {@code NaN} when none has it.
	 */
	private static double median(List<Window> windows, ToDoubleFunction<Window> figure) {
		List<Double> known = windows.stream()
			.map(figure::applyAsDouble)
			.filter((value) -> !Double.isNaN(value))
			.toList();
		return known.isEmpty() ? Double.NaN : median(known);
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
