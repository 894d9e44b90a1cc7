package dev.llmtracing.redact;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for {@link PhoneDetector}, with and without libphonenumber, and
 * {@link PhoneRegions}.
 *
 * @author llm-tracing
 */
class PhoneDetectorTests {

	private final PiiMasker withLibrary = PiiMasker.of(Set.of("phone"));

	private final PiiMasker formatOnly = new PiiMasker(List.of(new PhoneDetector(null)));

	@Test
	void shouldFindNationalNumbersOfTheConfiguredRegionsOnly() {
		PiiMasker british = PiiMasker.of(Set.of("phone"), List.of("GB"), List.of());
		PiiMasker japanese = PiiMasker.of(Set.of("phone"), List.of("JP"), List.of());
		assertThat(british.redact("Call 0115 8224000 now")).isEqualTo("Call [PHONE] now");
		assertThat(japanese.redact("Call 0115 8224000 now")).isEqualTo("Call 0115 8224000 now");
		assertThat(japanese.redact("Call +44 115 822 4000 now")).isEqualTo("Call [PHONE] now");
		assertThat(japanese.redact("Call +44 1158224000 now")).isEqualTo("Call [PHONE] now");
		// Ofcom's drama range: invalid in GB, but a valid Italian number, so masked by
		// default
		assertThat(british.redact("Call 0115 4960446 now")).isEqualTo("Call 0115 4960446 now");
		assertThat(this.withLibrary.redact("Call 0115 4960446 now")).isEqualTo("Call [PHONE] now");
	}

	@Test
	void shouldFindNumbersDialledWithTheInternationalPrefixOfARegion() {
		PiiMasker german = PiiMasker.of(Set.of("phone"), List.of("DE"), List.of());
		assertThat(german.redact("Ruf 0049 30 12345678 an")).isEqualTo("Ruf [PHONE] an");
		assertThat(german.redact("Ruf 0044 1158224000 an")).isEqualTo("Ruf [PHONE] an");
		// 011 is the international prefix of the US, not of Germany
		assertThat(german.redact("Ruf 011 44 1158224000 an")).isEqualTo("Ruf 011 44 1158224000 an");
	}

	@Test
	void shouldFindNumbersWithExtensions() {
		assertThat(this.withLibrary.redact("Call (738)592-8470x35191 or 507-588-7887 ext. 63."))
			.isEqualTo("Call [PHONE] or [PHONE].");
	}

	@Test
	void shouldNeverTakeADateAndAnHourForANumber() {
		String text = "Logged 1991-09-21 04:50:23, then 2024-01-15 18:45 and 21.09.1991 04:50.";
		assertThat(this.withLibrary.redact(text)).isSameAs(text);
		assertThat(this.formatOnly.redact(text)).isSameAs(text);
	}

	@Test
	void shouldSplitASpanAtADate() {
		assertThat(this.withLibrary.redact("2024-01-15 020 7946 0958")).isEqualTo("2024-01-15 [PHONE]");
	}

	@Test
	void shouldRecogniseFormattedNumbersWithoutLibphonenumber() {
		assertThat(this.formatOnly.redact("Call (555) 123-4567, +49 30 12345678 or 03-1234-5678."))
			.isEqualTo("Call [PHONE], [PHONE] or [PHONE].");
		// National numbers in one or two groups need libphonenumber
		assertThat(this.formatOnly.redact("Call 0115 4960446.")).isEqualTo("Call 0115 4960446.");
	}

	@Test
	void shouldBoundTheWorkOnTextsFullOfNumbersAndStillMaskThem() {
		String text = "0115 4960446, ".repeat(20_000);
		String masked = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> this.withLibrary.redact(text));
		assertThat(masked).isEqualTo("[PHONE], ".repeat(20_000));
	}

	@Test
	void shouldSkipTextsWithFewerThanSixDigits() {
		PhoneDetector detector = new PhoneDetector(null);
		assertThat(detector.mightMatch("Room 12, floor 345")).isFalse();
		assertThat(detector.mightMatch("Call 555-1234")).isTrue();
	}

	@Test
	void shouldNameUnknownRegions() {
		assertThat(PhoneRegions.unknown(List.of("GB", "XX", "JP", "UK"))).containsExactly("XX", "UK");
		assertThat(PhoneRegions.unknown(PhoneRegions.DEFAULT)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> PiiMasker.of(Set.of("phone"), List.of("XX"), List.of()))
			.withMessageContaining("XX");
	}

	@Test
	void libphonenumberShouldBePresentInTheTests() {
		assertThat(PhoneRegions.isLibraryPresent()).isTrue();
	}

}
