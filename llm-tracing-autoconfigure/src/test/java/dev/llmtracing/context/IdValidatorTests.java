package dev.llmtracing.context;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link IdValidator}.
 *
 * @author llm-tracing
 */
class IdValidatorTests {

	private final IdValidator validator = new IdValidator(16);

	@ParameterizedTest
	@ValueSource(strings = { "a", "req-123", "A.b_c:d-9", "0123456789abcdef" })
	void shouldAcceptAllowedCharacters(String value) {
		assertThat(this.validator.isValid(value)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "has space", "new\nline", "quote\"", "semi;colon", "slash/", "ünïcode", "<script>",
			"0123456789abcdefg", "tab\t", "{json}", "percent%20" })
	void shouldRejectEverythingElse(String value) {
		assertThat(this.validator.isValid(value)).isFalse();
	}

	@Test
	void shouldRejectNull() {
		assertThat(this.validator.isValid(null)).isFalse();
	}

	@Test
	void shouldRefuseMaxLengthBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new IdValidator(0)).withMessageContaining("maxLength");
	}

}
