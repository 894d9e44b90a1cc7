package dev.llmtracing.autoconfigure.quality;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.llmtracing.record.ExchangeIds;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.ExchangeRequest;
import dev.llmtracing.record.ExchangeResponse;
import dev.llmtracing.record.Outcome;
import dev.llmtracing.record.Timing;
import dev.llmtracing.record.TokenUsage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LengthDrift}.
 *
 * @author llm-tracing
 */
class LengthDriftTests {

	@Test
	void judgesEveryLengthAsTheSortedWindowWould() {
		LengthDrift drift = new LengthDrift(50, 10, 1.5, 10);
		Deque<Integer> window = new ArrayDeque<>();
		Random random = new Random(18);
		int drifted = 0;
		for (int i = 0; i < 5_000; i++) {
			// mostly lengths around 100 with many repeats, sometimes far outside them
			int length = (random.nextInt(20) == 0) ? random.nextInt(1_000) : 80 + random.nextInt(40);
			boolean expected = window.size() >= 10 && outside(window, length, 1.5);
			assertThat(drift.drifts(record("gpt"), length)).as("length %d after %s", length, window)
				.isEqualTo(expected);
			drifted += expected ? 1 : 0;
			window.addLast(length);
			if (window.size() > 50) {
				window.removeFirst();
			}
		}
		assertThat(drifted).as("lengths that drifted").isBetween(50, 500);
	}

	@Test
	void keepsEachModelApart() {
		LengthDrift drift = new LengthDrift(10, 10, 2.0, 10);
		for (int i = 0; i < 10; i++) {
			drift.drifts(record("gpt"), 100);
		}
		assertThat(drift.drifts(record("gpt"), 1_000)).isTrue();
		assertThat(drift.drifts(record("other"), 1_000)).as("no lengths yet").isFalse();
	}

	private static boolean outside(Deque<Integer> window, int length, double factor) {
		int[] sorted = window.stream().mapToInt(Integer::intValue).sorted().toArray();
		int low = sorted[(int) Math.floor(0.01 * (sorted.length - 1))];
		int high = sorted[(int) Math.ceil(0.99 * (sorted.length - 1))];
		return length > high * factor || length < low / factor;
	}

	private static ExchangeRecord record(String model) {
		ExchangeRequest request = new ExchangeRequest("chat", "openai", model, 0.7, null, null, false, Map.of(), null,
				"support", "v1");
		return new ExchangeRecord(new ExchangeIds("ex", "req", null, null, null, null), request,
				new ExchangeResponse(model, "resp", List.of("stop"), false), new TokenUsage(1, 1),
				new Timing(Instant.now(), 1_000_000, null), Outcome.SUCCESS, null, null, null, null);
	}

}
