package dev.llmtracing.redact;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for {@link PiiMasker} and {@link PatternDetector}.
 *
 * @author llm-tracing
 */
class PiiMaskerTests {

	private final PiiMasker masker = PiiMasker.of(PiiMasker.DETECTORS);

	@Test
	void shouldMaskEveryKindInOneText() {
		String text = "I'm Ana (ana@example.com, +49 30 12345678). Card 4111 1111 1111 1111, IBAN "
				+ "DE89 3704 0044 0532 0130 00, from 192.168.0.7 with key sk-abcdefghijklmnopqrstuvwxyz123456.";
		assertThat(this.masker.redact(text))
			.isEqualTo("I'm Ana ([EMAIL], [PHONE]). Card [CARD], IBAN [IBAN], " + "from [IP] with key [SECRET].");
	}

	@Test
	void shouldReturnTheSameInstanceWhenNothingMatches() {
		String text = "Nothing to see here, just 42 apples.";
		assertThat(this.masker.redact(text)).isSameAs(text);
	}

	@Test
	void shouldApplyUserPatternsAfterBuiltInDetectors() {
		PiiMasker withPattern = PiiMasker.of(PiiMasker.DETECTORS, PhoneRegions.DEFAULT,
				List.of(Map.entry(Pattern.compile("EMP-\\d{6}"), "[EMPLOYEE_ID]")));
		assertThat(withPattern.redact("Ticket for EMP-123456 at bob@example.org"))
			.isEqualTo("Ticket for [EMPLOYEE_ID] at [EMAIL]");
	}

	@Test
	void shouldStopCatastrophicUserPatternInsteadOfHanging() {
		PatternDetector evil = new PatternDetector("evil", Pattern.compile("(a+)+b"), "[X]");
		String hostile = "a".repeat(5_000) + "c";
		assertThatExceptionOfType(BoundedCharSequence.MaskingTimeoutException.class)
			.isThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10),
					() -> new PiiMasker(List.of(evil)).redact(hostile)));
	}

	@Test
	void shouldMaskLongAdversarialInputsInLinearTime() {
		List<String> hostile = List.of("a@".repeat(200_000), "@a.".repeat(150_000), "1 ".repeat(300_000),
				"1-".repeat(300_000), "eyJ".repeat(200_000), "eyJaaaaaaaaaaaa.".repeat(40_000), "::".repeat(300_000),
				"1.".repeat(300_000), "DE89 ".repeat(120_000), "sk-".repeat(200_000), "Bearer ".repeat(80_000),
				"-----BEGIN RSA PRIVATE KEY-----".repeat(20_000), "+1 (".repeat(150_000),
				"a".repeat(600_000) + "@example.com");
		String masked = "";
		for (String text : hostile) {
			masked = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> this.masker.redact(text),
					() -> "masking took too long on " + text.substring(0, 12) + "...");
		}
		// The last input is one long e-mail address
		assertThat(masked).isEqualTo("[EMAIL]");
	}

	@Test
	void shouldMaskPrivateKeyWithoutEndMarkerToTheEnd() {
		assertThat(this.masker.redact("key: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC"))
			.isEqualTo("key: [PRIVATE_KEY]");
	}

	@Test
	void shouldFindValuesWrittenDirectlyNextToJapaneseText() {
		assertThat(this.masker.redact("電話番号は03-1234-5678です。")).isEqualTo("電話番号は[PHONE]です。");
		assertThat(this.masker.redact("電話番号は+81 3-1234-5678です。")).isEqualTo("電話番号は[PHONE]です。");
		assertThat(this.masker.redact("カード番号は4539 1488 0343 6467です")).isEqualTo("カード番号は[CARD]です");
		assertThat(this.masker.redact("IPアドレスは203.0.113.42です")).isEqualTo("IPアドレスは[IP]です");
		assertThat(this.masker.redact("IBANはDE89 3704 0044 0532 0130 00です")).isEqualTo("IBANは[IBAN]です");
		assertThat(this.masker.redact("キーはsk-proj-Xb7QabcdefghijklmnopGy0Jaです")).isEqualTo("キーは[SECRET]です");
		assertThat(this.masker.redact("メールはtaro@example.co.jpです")).isEqualTo("メールは[EMAIL]です");
	}

}
