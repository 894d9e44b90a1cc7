package dev.llmtracing.redact;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretDetector}: the candidates found from the {@code -} and {@code _}
 * of a text, and the prefixes searched for on their own.
 *
 * @author llm-tracing
 */
class SecretDetectorTests {

	private final PiiMasker masker = new PiiMasker(List.of(new SecretDetector()));

	@Test
	void shouldFindKeysWhosePrefixHoldsTwoAnchors() {
		assertThat(this.masker.redact("live sk_live_4eC39HqLyjWDarjtT1zdp7dc, test rk_test_51HAbcdefghijklmnop."))
			.isEqualTo("live [SECRET], test [SECRET].");
		assertThat(this.masker.redact("pat github_pat_11ABCDEFG0123456789abcdefghij end"))
			.isEqualTo("pat [SECRET] end");
	}

	@Test
	void shouldFindKeysOfDashAndUnderscoreRulesInTheOrderTheyComeIn() {
		String text = "xoxb-1234567890-abcdefghij then ghp_abcdefghijklmnopqrstuvwxyz0123 then "
				+ "sk-abcdefghijklmnopqrstuvwxyz then whsec_abcdefghijklmnop1234";
		assertThat(this.masker.redact(text)).isEqualTo("[SECRET] then [SECRET] then [SECRET] then [SECRET]");
	}

	@Test
	void shouldFindKeysAtBothEndsAndBackToBack() {
		assertThat(this.masker.redact("sk-abcdefghijklmnopqrstuvwxyz;sk-zyxwvutsrqponmlkjihgfedcba"))
			.isEqualTo("[SECRET];[SECRET]");
	}

	@Test
	void shouldTakeAPrefixInsideAKeyAsPartOfThatKey() {
		assertThat(this.masker.redact("ghp_abcdefghijklmnopqrstuvwxyz0123sk-abcdefghijklmnopqrstuvwxyz"))
			.isEqualTo("[SECRET]");
	}

	@Test
	void shouldNotTakeAPrefixThatEndsAnotherWordForAKey() {
		String text = "task-abcdefghijklmnopqrstuvwxyz and desk_live_abcdefghijklmnopqrstuvwxyz";
		assertThat(this.masker.redact(text)).isSameAs(text);
	}

	@Test
	void shouldNotTakeAShortTokenForAKey() {
		String text = "sk-short and sk_live_short and a-b_c-d_e";
		assertThat(this.masker.redact(text)).isSameAs(text);
	}

	@Test
	void shouldFindPrefixesWithoutAnchorsAndBearerTokens() {
		assertThat(this.masker.redact("AKIAIOSFODNN7EXAMPLE with AIzaSyA1234567890abcdefghijklmnopqrstu"))
			.isEqualTo("[SECRET] with [SECRET]");
		assertThat(this.masker.redact("Authorization: Bearer abc.def.ghi-jkl"))
			.isEqualTo("Authorization: Bearer [SECRET]");
	}

}
