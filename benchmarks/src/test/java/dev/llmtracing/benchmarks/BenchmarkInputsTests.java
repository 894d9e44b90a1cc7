package dev.llmtracing.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import dev.llmtracing.redact.BaselineMaskers;
import dev.llmtracing.redact.PiiMasker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the benchmark inputs make both maskers do real work: the realistic texts
 * carry personal data that is masked, the clean text carries none, and the
 * implementations agree on the planted values.
 *
 * @author llm-tracing
 */
class BenchmarkInputsTests {

	private static final List<String> PLANTED_EN = List.of("maria.schneider@example.com", "jonas.weber@posteo.de",
			"dev.team+api@northwind-partners.io", "+1 (415) 555-0132", "4539 1488 0343 6467",
			"DE89 3704 0044 0532 0130 00", "203.0.113.42", "sk-proj-Xb7Qm2Lr9Tz4Wc8Nd1Kf6Hp3Vs5Gy0Ja");

	private static final List<String> PLANTED_JA_DE = List.of("yuki.tanaka@example.de",
			"kenji.mueller+api@northwind-partners.io", "hiroshi.tanaka@example.co.jp", "+49 30 12345678",
			"+81 3-1234-5678", "03-1234-5678", "4539 1488 0343 6467", "DE89 3704 0044 0532 0130 00", "203.0.113.42",
			"sk-proj-Xb7Qm2Lr9Tz4Wc8Nd1Kf6Hp3Vs5Gy0Ja");

	private static final List<String> PLANTED_NATIONAL = List.of("0115 4960446", "07213074072", "09118 665646",
			"01187987605", "(026)-4090543", "(738)592-8470x35191", "507-588-7887x0636", "0170 2815218",
			"5555 5555 5555 4444", "+44 115 822 4000", "0113 2430000", "06 12345678", "026 4090543",
			"lucy.hartmann@example.co.uk");

	private static final List<String> KEPT_NATIONAL = List.of("2024-05-17 10:42:13", "1991-09-21 04:50:23",
			"2.468,00 €", "10.0.19045.3803", "46.0207 7.7491", "00:25:00", "2024-06-18T14:32:00+02:00", "4.12.1",
			"AR-2024-118734", "LB-1234-5678", "1.234,00 €", "£2,105.40");

	private static final String ORDER_NUMBER = "4000 1234 5678 9010";

	private final PiiMasker piiMasker = PiiMasker.of(PiiMasker.DETECTORS);

	private final RegexMaskingChain regexMaskers = new RegexMaskingChain();

	@ParameterizedTest
	@EnumSource(names = { "SUPPORT_EN", "SUPPORT_JA_DE", "CLEAN_EN" })
	void realisticInputsShouldBeAboutFourKilobytes(PromptInput input) {
		assertThat(input.text().getBytes(StandardCharsets.UTF_8).length).isBetween(3_800, 4_300);
	}

	@Test
	void largeInputShouldBeAtLeastOneMegabyteOfWholeConversations() {
		String text = PromptInput.SUPPORT_EN_1MB.text();
		assertThat(text.length()).isBetween(1_000_000, 1_000_000 + PromptInput.SUPPORT_EN.text().length() + 1);
		assertThat(this.piiMasker.redact(text)).doesNotContain("4539 1488 0343 6467").contains(ORDER_NUMBER);
	}

	@Test
	void piiMaskerShouldMaskEveryPlantedValueInEnglishTextButKeepTheOrderNumber() {
		String masked = this.piiMasker.redact(PromptInput.SUPPORT_EN.text());
		assertThat(PLANTED_EN).allSatisfy((value) -> assertThat(masked).doesNotContain(value));
		assertThat(placeholders(masked)).containsExactly("[EMAIL]", "[PHONE]", "[CARD]", "[IBAN]", "[EMAIL]", "[IP]",
				"[IP]", "[SECRET]", "[EMAIL]");
		assertThat(masked).contains("order " + ORDER_NUMBER, "INV-2024-000123");
	}

	@Test
	void piiMaskerShouldMaskEveryPlantedValueInJapaneseAndGermanTextButKeepTheOrderNumber() {
		String masked = this.piiMasker.redact(PromptInput.SUPPORT_JA_DE.text());
		assertThat(PLANTED_JA_DE).allSatisfy((value) -> assertThat(masked).doesNotContain(value));
		assertThat(placeholders(masked)).containsExactly("[EMAIL]", "[PHONE]", "[PHONE]", "[CARD]", "[IBAN]", "[IP]",
				"[IP]", "[SECRET]", "[EMAIL]", "[EMAIL]", "[PHONE]");
		assertThat(masked).contains(ORDER_NUMBER, "INV-2024-000123");
	}

	@Test
	void piiMaskerShouldMaskEveryNationalNumberButKeepDatesTimesVersionsAndAmounts() {
		String masked = this.piiMasker.redact(PromptInput.SUPPORT_NATIONAL.text());
		assertThat(PLANTED_NATIONAL).allSatisfy((value) -> assertThat(masked).doesNotContain(value));
		assertThat(KEPT_NATIONAL).allSatisfy((value) -> assertThat(masked).contains(value));
		assertThat(placeholders(masked)).filteredOn("[PHONE]"::equals).hasSize(13);
	}

	@Test
	void mainPhoneDetectorShouldMissNationalNumbersAndMangleDateTimes() {
		String masked = BaselineMaskers.withMainPhoneDetector(PiiMasker.DETECTORS)
			.redact(PromptInput.SUPPORT_NATIONAL.text());
		assertThat(masked).contains("0115 4960446", "07213074072", "[PHONE]:42:13");
	}

	@Test
	void regexMaskersShouldMaskThePlantedValuesAndTheLookAlikes() {
		String english = this.regexMaskers.mask(PromptInput.SUPPORT_EN.text());
		String japaneseAndGerman = this.regexMaskers.mask(PromptInput.SUPPORT_JA_DE.text());
		assertThat(PLANTED_EN).allSatisfy((value) -> assertThat(english).doesNotContain(value));
		assertThat(PLANTED_JA_DE).allSatisfy((value) -> assertThat(japaneseAndGerman).doesNotContain(value));
		assertThat(english).doesNotContain(ORDER_NUMBER).contains("INV-[PHONE]");
		assertThat(japaneseAndGerman).doesNotContain(ORDER_NUMBER);
	}

	@ParameterizedTest
	@CsvSource({ "secrets, [SECRET]", "email, [EMAIL]", "iban, [IBAN]", "card, [CARD]", "ip, [IP]", "phone, [PHONE]" })
	void singleKindMaskersShouldFindTheirKindInEnglishText(String kind, String placeholder) {
		String text = PromptInput.SUPPORT_EN.text();
		assertThat(PiiMasker.of(Set.of(kind)).redact(text)).contains(placeholder);
		assertThat(new RegexMaskingChain(Set.of(kind)).mask(text)).contains(placeholder);
	}

	@Test
	void cleanTextShouldHaveNothingToMaskForEitherMasker() {
		String text = PromptInput.CLEAN_EN.text();
		assertThat(this.piiMasker.redact(text)).isSameAs(text);
		assertThat(this.regexMaskers.mask(text)).isSameAs(text);
	}

	@Test
	void piiMaskerShouldMaskEveryNumberOfTheHostileListOfPhoneNumbers() {
		String masked = this.piiMasker.redact(HostileInput.PHONES_100K.text());
		assertThat(masked).doesNotContain("4960446").startsWith("[PHONE], [PHONE], ");
	}

	@ParameterizedTest
	@EnumSource(value = HostileInput.class, mode = EnumSource.Mode.EXCLUDE, names = "PHONES_100K")
	void piiMaskerShouldFindNothingInHostileInputs(HostileInput input) {
		String text = input.text();
		assertThat(this.piiMasker.redact(text)).isSameAs(text);
	}

	@Test
	void hostileInputsShouldHaveTheDocumentedLengths() {
		assertThat(HostileInput.AT_SIGNS_100K.text()).hasSize(100_000).startsWith("a@a@").endsWith("a@");
		assertThat(HostileInput.DIGITS_100K.text()).hasSize(100_000).startsWith("1 1 ").endsWith("1 ");
		assertThat(HostileInput.HEX_RUN_5K.text()).hasSize(5_000).matches("[0-9a-f]+");
		assertThat(HostileInput.HEX_RUN_20K.text()).hasSize(20_000);
	}

	private static List<String> placeholders(String masked) {
		return Pattern.compile("\\[[A-Z_]+]").matcher(masked).results().map(MatchResult::group).toList();
	}

}
