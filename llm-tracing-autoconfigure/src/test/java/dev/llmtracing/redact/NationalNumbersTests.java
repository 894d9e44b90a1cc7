package dev.llmtracing.redact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that national numbers in two groups, which {@link PhoneNumberLibrary} masks by
 * the regions' metadata when they start with the national prefix, are masked exactly when
 * libphonenumber's {@code findNumbers} finds them, valid numbers and invalid ones alike,
 * in every default region on its own. libphonenumber takes a number of any region with
 * the same country code for valid ({@code 1516 2345678}, a New York number, in Canada),
 * so the masking must too.
 *
 * @author llm-tracing
 */
class NationalNumbersTests {

	private static final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	@Test
	void nationalNumbersInTwoGroupsAreMaskedExactlyWhenLibphonenumberFindsThem() {
		List<String> disagreements = new ArrayList<>();
		int valid = 0;
		int invalid = 0;
		for (String region : PhoneRegions.DEFAULT) {
			String prefix = util.getNddPrefixForRegion(region, true);
			if (prefix == null || prefix.isEmpty()) {
				continue;
			}
			PiiMasker masker = PiiMasker.of(Set.of("phone"), List.of(region), List.of());
			for (String candidate : candidates(region, prefix)) {
				String text = "Please call " + candidate + " today.";
				boolean found = findsWhole(text, region, candidate);
				boolean masked = masker.redact(text).equals("Please call [PHONE] today.");
				if (found != masked) {
					disagreements.add(region + " " + candidate + ": libphonenumber " + found + ", masked " + masked);
				}
				valid += found ? 1 : 0;
				invalid += found ? 0 : 1;
			}
		}
		assertThat(valid).as("valid numbers tried").isGreaterThan(100);
		assertThat(invalid).as("invalid numbers tried").isGreaterThan(100);
		assertThat(disagreements).isEmpty();
	}

	/**
	 * The example numbers of a region's main types, written with the national prefix in
	 * two groups, and variants with one digit changed, most of them invalid.
	 */
	private static Set<String> candidates(String region, String prefix) {
		Set<String> candidates = new LinkedHashSet<>();
		for (PhoneNumberType type : List.of(PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE,
				PhoneNumberType.TOLL_FREE)) {
			PhoneNumber example = util.getExampleNumberForType(region, type);
			if (example == null) {
				continue;
			}
			String national = util.getNationalSignificantNumber(example);
			List<String> variants = new ArrayList<>();
			variants.add(national);
			for (char digit = '0'; digit <= '9'; digit++) {
				variants.add(digit + national.substring(1));
				variants.add(national.substring(0, 1) + digit + national.substring(2));
			}
			variants.add(national + "1");
			variants.add(national.substring(0, national.length() - 1));
			for (String variant : variants) {
				for (int split = 2; split <= 4 && split < variant.length() - 1; split++) {
					candidates.add(prefix + variant.substring(0, split) + " " + variant.substring(split));
				}
			}
		}
		return candidates;
	}

	private static boolean findsWhole(String text, String region, String candidate) {
		int start = text.indexOf(candidate);
		for (PhoneNumberMatch match : util.findNumbers(text, region, Leniency.VALID, Long.MAX_VALUE)) {
			if (match.start() <= start && match.end() >= start + candidate.length()) {
				return true;
			}
		}
		return false;
	}

}
