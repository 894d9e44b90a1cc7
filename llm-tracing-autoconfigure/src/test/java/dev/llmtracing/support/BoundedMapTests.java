package dev.llmtracing.support;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BoundedMap}.
 *
 * @author llm-tracing
 */
class BoundedMapTests {

	@Test
	void shouldDropTheLeastRecentlyUsedEntryBeyondItsBound() {
		Map<String, Integer> map = BoundedMap.leastRecentlyUsed(2);
		map.put("a", 1);
		map.put("b", 2);
		map.get("a");
		map.put("c", 3);
		assertThat(map).containsOnlyKeys("a", "c");
	}

	@Test
	void shouldDropTheEntryPutFirstBeyondItsBoundWhateverWasReadOrPutAgain() {
		Map<String, Integer> map = BoundedMap.firstInFirstOut(2);
		map.put("a", 1);
		map.put("b", 2);
		map.get("a");
		map.put("a", 10);
		map.put("c", 3);
		assertThat(map).containsOnlyKeys("b", "c");
	}

}
