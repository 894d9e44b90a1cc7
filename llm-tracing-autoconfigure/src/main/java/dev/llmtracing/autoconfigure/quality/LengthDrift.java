package dev.llmtracing.autoconfigure.quality;

import java.util.Arrays;
import java.util.Map;

import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.support.BoundedMap;

/**
 * Finds completions whose length is far outside the recent ones of the same model, prompt
 * name and prompt version. Each such series keeps the lengths of its last {@code window}
 * completions; once it has {@code minSamples}, a completion drifts when it is longer than
 * {@code factor} times their 99th percentile or shorter than their 1st percentile divided
 * by {@code factor}. Each completion is judged before it joins its series. The series are
 * kept in a bounded cache, least recently used first out.
 *
 * @author llm-tracing
 */
final class LengthDrift {

	private final int window;

	private final int minSamples;

	private final double factor;

	private final Map<String, Series> series;

	/**
	 * Create an instance.
	 * @param window how many recent lengths each series keeps
	 * @param minSamples how many lengths a series needs before a completion is judged
	 * @param factor how far beyond the 1st and 99th percentiles a length drifts
	 * @param maxSeries the most series kept
	 */
	LengthDrift(int window, int minSamples, double factor, int maxSeries) {
		this.window = window;
		this.minSamples = Math.min(minSamples, window);
		this.factor = factor;
		this.series = BoundedMap.leastRecentlyUsed(maxSeries);
	}

	/**
	 * Return whether a completion drifts, and add its length to its series.
	 * @param record the record of the exchange
	 * @param length the length of the completion, in characters
	 * @return whether it is far outside the recent lengths of its series
	 */
	boolean drifts(ExchangeRecord record, int length) {
		String key = record.model() + '\u0000' + record.request().promptName() + '\u0000'
				+ record.request().promptVersion();
		synchronized (this.series) {
			Series lengths = this.series.computeIfAbsent(key, (name) -> new Series(this.window));
			boolean drifts = lengths.count >= this.minSamples && lengths.isOutside(length, this.factor);
			lengths.add(length);
			return drifts;
		}
	}

	/**
	 * The recent lengths of one series, in the order they came (to know which one leaves)
	 * and sorted (so that a percentile is one read): a length joins and leaves the sorted
	 * copy by a binary search and one array copy, so a completion costs the same whatever
	 * the window, with no sort.
	 */
	private static final class Series {

		private final int[] arrivals;

		private final int[] sorted;

		private int count;

		private int next;

		Series(int window) {
			this.arrivals = new int[window];
			this.sorted = new int[window];
		}

		void add(int length) {
			if (this.count == this.arrivals.length) {
				int leaving = Arrays.binarySearch(this.sorted, 0, this.count, this.arrivals[this.next]);
				System.arraycopy(this.sorted, leaving + 1, this.sorted, leaving, this.count - leaving - 1);
				this.count--;
			}
			int found = Arrays.binarySearch(this.sorted, 0, this.count, length);
			int at = (found >= 0) ? found : -(found + 1);
			System.arraycopy(this.sorted, at, this.sorted, at + 1, this.count - at);
			this.sorted[at] = length;
			this.count++;
			this.arrivals[this.next] = length;
			this.next = (this.next + 1) % this.arrivals.length;
		}

		boolean isOutside(int length, double factor) {
			int low = this.sorted[(int) Math.floor(0.01 * (this.count - 1))];
			int high = this.sorted[(int) Math.ceil(0.99 * (this.count - 1))];
			return length > high * factor || length < low / factor;
		}

	}

}
