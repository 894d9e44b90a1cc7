package dev.llmtracing.autoconfigure.quality;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CanaryFile}.
 *
 * @author llm-tracing
 */
class CanaryFileTests {

	private final DefaultResourceLoader resources = new DefaultResourceLoader();

	@Test
	void shouldReadTheCanariesOfAFile() {
		List<Canary> canaries = CanaryFile.load(this.resources, "classpath:canaries/canaries-it.yml");
		assertThat(canaries).extracting(Canary::name).containsExactly("capital", "no-refusal");
		Canary capital = canaries.get(0);
		assertThat(capital.system()).isEqualTo("Answer in one sentence.");
		assertThat(capital.expectations().contains())
			.containsExactly("Stand-in reply to: What is the capital of France?");
		assertThat(capital.expectations().notContains()).containsExactly("I'm sorry");
		assertThat(capital.expectations().regex()).isNotNull();
		assertThat(canaries.get(1).temperature()).isEqualTo(0.0);
	}

	@Test
	void shouldRejectAMissingFile() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> CanaryFile.load(this.resources, "classpath:canaries/none.yml"))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("llm.tracing.quality.canary.file"))
			.withMessageContaining("the file does not exist");
	}

	@Test
	void shouldRejectACanaryWithoutExpectation() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> CanaryFile.load(this.resources, "classpath:canaries/no-expectation.yml"))
			.withMessageContaining("canaries[0].expect has no expectation");
	}

	@Test
	void shouldRejectABadRegex() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> CanaryFile.load(this.resources, "classpath:canaries/bad-regex.yml"))
			.withMessageContaining("canaries[0].expect.regex is not a regular expression");
	}

}
