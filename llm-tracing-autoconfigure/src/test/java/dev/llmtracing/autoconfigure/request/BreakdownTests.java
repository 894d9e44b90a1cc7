package dev.llmtracing.autoconfigure.request;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Breakdown}.
 *
 * @author llm-tracing
 */
class BreakdownTests {

	@Test
	void shouldGiveTheTimeOfAModelCallInsideAStageToTheModel() {
		Map<String, Long> breakdown = Breakdown
			.of(List.of(activity(Part.STAGE, "prompt-build", 10, 90), activity(Part.MODEL, "model", 30, 70)), 100);
		assertThat(breakdown).containsExactly(Map.entry("model", 40L), Map.entry("prompt-build", 40L),
				Map.entry("other", 20L));
	}

	@Test
	void shouldCountParallelCallsOfOnePartOnce() {
		Map<String, Long> breakdown = Breakdown
			.of(List.of(activity(Part.MODEL, "model", 0, 60), activity(Part.MODEL, "model", 10, 70)), 80);
		assertThat(breakdown).containsExactly(Map.entry("model", 70L), Map.entry("other", 10L));
	}

	@Test
	void shouldGiveTheTimeToTheInnermostStage() {
		Map<String, Long> breakdown = Breakdown
			.of(List.of(activity(Part.STAGE, "outer", 0, 100), activity(Part.STAGE, "inner", 20, 50)), 100);
		assertThat(breakdown).containsExactly(Map.entry("outer", 70L), Map.entry("inner", 30L));
	}

	@Test
	void shouldRankParallelPartsModelToolRetrievalStage() {
		Map<String, Long> breakdown = Breakdown
			.of(List.of(activity(Part.STAGE, "s", 0, 40), activity(Part.RETRIEVAL, "retrieval", 0, 30),
					activity(Part.TOOL, "tool", 0, 20), activity(Part.MODEL, "model", 0, 10)), 40);
		assertThat(breakdown).containsExactly(Map.entry("model", 10L), Map.entry("tool", 10L),
				Map.entry("retrieval", 10L), Map.entry("s", 10L));
	}

	@Test
	void shouldAddUpToTheDurationWithActivitiesOutsideTheRequestOrStillRunning() {
		Activity running = new Activity(Part.STAGE, "late", 90_000_000, 0);
		Map<String, Long> breakdown = Breakdown
			.of(List.of(activity(Part.MODEL, "model", -5, 20), running, activity(Part.TOOL, "tool", 95, 500)), 100);
		assertThat(breakdown.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100);
		assertThat(breakdown).containsEntry("model", 20L).containsEntry("late", 5L).containsEntry("tool", 5L);
	}

	private static Activity activity(Part part, String key, long startMillis, long endMillis) {
		Activity activity = new Activity(part, key, startMillis * 1_000_000, 0);
		activity.end(endMillis * 1_000_000);
		return activity;
	}

}
