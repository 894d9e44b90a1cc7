package dev.llmtracing.autoconfigure.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Splits a request's duration into parts so that the parts add up exactly to the
 * duration: instants are taken in whole milliseconds since the start, and each
 * millisecond belongs to one owner. The owner is the running activity of the highest
 * {@link Part} (model, then tool, retrieval, stage); among stages the innermost, the one
 * started last. Parallel activities of one part count once. A millisecond in no activity
 * is {@value Part#OTHER}.
 *
 * @author llm-tracing
 */
final class Breakdown {

	private Breakdown() {
	}

	/**
	 * Compute the breakdown.
	 * @param activities the activities, in the order they started
	 * @param durationMillis the duration of the request in milliseconds
	 * @return milliseconds by key: {@code model}, {@code tool}, {@code retrieval}, stage
	 * names and {@code other}, each present only when not zero
	 */
	static Map<String, Long> of(List<Activity> activities, long durationMillis) {
		List<long[]> spans = new ArrayList<>(activities.size());
		TreeSet<Long> boundaries = new TreeSet<>();
		boundaries.add(0L);
		boundaries.add(durationMillis);
		for (Activity activity : activities) {
			long end = activity.endNanos;
			long startMillis = clamp(activity.startNanos / 1_000_000, durationMillis);
			long endMillis = clamp((end >= 0) ? end / 1_000_000 : durationMillis, durationMillis);
			spans.add(new long[] { startMillis, endMillis });
			boundaries.add(startMillis);
			boundaries.add(endMillis);
		}
		Map<String, Long> millis = new LinkedHashMap<>();
		long from = -1;
		for (long to : boundaries) {
			if (from >= 0 && to > from) {
				String owner = owner(activities, spans, from, to);
				millis.merge(owner, to - from, Long::sum);
			}
			from = to;
		}
		return ordered(millis);
	}

	private static String owner(List<Activity> activities, List<long[]> spans, long from, long to) {
		@Nullable Activity owner = null;
		for (int i = 0; i < activities.size(); i++) {
			long[] span = spans.get(i);
			if (span[0] <= from && span[1] >= to) {
				Activity candidate = activities.get(i);
				if (owner == null || candidate.part.ordinal() < owner.part.ordinal()
						|| (candidate.part == owner.part && candidate.startNanos >= owner.startNanos)) {
					owner = candidate;
				}
			}
		}
		return (owner != null) ? owner.key : Part.OTHER;
	}

	private static Map<String, Long> ordered(Map<String, Long> millis) {
		Map<String, Long> ordered = new LinkedHashMap<>();
		for (Part part : Part.values()) {
			if (part != Part.STAGE && millis.containsKey(part.key())) {
				ordered.put(part.key(), millis.remove(part.key()));
			}
		}
		Long other = millis.remove(Part.OTHER);
		ordered.putAll(millis);
		if (other != null) {
			ordered.put(Part.OTHER, other);
		}
		return ordered;
	}

	private static long clamp(long value, long max) {
		return Math.max(0, Math.min(value, max));
	}

}
