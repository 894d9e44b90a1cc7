package dev.llmtracing.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BoundedValues}.
 *
 * @author llm-tracing
 */
class BoundedValuesTests {

	@Test
	void shouldKeepFirstValuesAndFoldTheRestIntoOther() {
		BoundedValues values = new BoundedValues(2);
		assertThat(values.bound("a")).isEqualTo("a");
		assertThat(values.bound("b")).isEqualTo("b");
		assertThat(values.bound("c")).isEqualTo("other");
		assertThat(values.bound("a")).isEqualTo("a");
		assertThat(values.bound("d")).isEqualTo("other");
	}

	@Test
	void shouldUseNoneForMissingValues() {
		BoundedValues values = new BoundedValues(1);
		assertThat(values.bound(null)).isEqualTo("none");
		assertThat(values.bound("")).isEqualTo("none");
		assertThat(values.bound("x")).isEqualTo("x");
	}

}
