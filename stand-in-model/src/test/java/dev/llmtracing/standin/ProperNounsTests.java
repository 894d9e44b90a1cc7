package dev.llmtracing.standin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProperNouns}.
 *
 * @author llm-tracing
 */
class ProperNounsTests {

	@Test
	void shouldTakeTheLastCapitalizedWord() {
		assertThat(ProperNouns.last("Weather in Kyoto?")).isEqualTo("Kyoto");
		assertThat(ProperNouns.last("What time is it in Osaka?")).isEqualTo("Osaka");
	}

	@Test
	void shouldKeepAdjacentCapitalizedWordsTogether() {
		assertThat(ProperNouns.last("Weather in New York, please")).isEqualTo("New York");
	}

	@Test
	void shouldNotJoinWordsAcrossPunctuation() {
		assertThat(ProperNouns.last("Is it Paris, Rome or")).isEqualTo("Rome");
	}

	@Test
	void shouldTakeAnOpeningWordWhenThereIsNoOther() {
		assertThat(ProperNouns.last("Kyoto weather?")).isEqualTo("Kyoto");
	}

	@Test
	void shouldFindNothingWithoutCapitals() {
		assertThat(ProperNouns.last("weather?")).isNull();
		assertThat(ProperNouns.last("")).isNull();
	}

}
