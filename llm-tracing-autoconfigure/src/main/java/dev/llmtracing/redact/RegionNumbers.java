package dev.llmtracing.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import org.jspecify.annotations.Nullable;

/**
 * What a region's metadata says about its valid numbers: every national significant
 * number of the region, or of a region that shares its country code (the United States,
 * Canada and the Caribbean share {@code +1}), has one of its possible lengths and matches
 * the pattern of one of its number types (fixed line, mobile, toll free, ...).
 * libphonenumber also takes those for valid numbers of the region. A candidate whose
 * digits, with or without the national prefix, match none cannot be valid there, so the
 * region is not asked about it: a few small pattern matches instead of a
 * {@code findNumbers} call that would fail (which costs tens of microseconds). Only the
 * plain national prefix is stripped: numbers behind the special dialling prefixes some
 * regions also parse (Japan's {@code 000x}, the United Kingdom's {@code 180020},
 * Australia's {@code 1831}) are found when written with {@code +} or in the phone formats
 * of {@link PhoneDetector}. Only loaded with libphonenumber.
 *
 * @param code the region code
 * @param numbers the national numbers of the region, then those of the regions that share
 * its country code and are not configured themselves
 * @param nationalPrefix the region's national prefix, or empty
 * @param internationalPrefix the pattern of the region's international prefix, or
 * {@code null}
 * @author llm-tracing
 */
record RegionNumbers(String code, List<NationalNumbers> numbers, String nationalPrefix,
		@Nullable Pattern internationalPrefix) {

	static RegionNumbers of(String code, List<String> siblings) {
		PhoneMetadata metadata = metadata(code);
		List<NationalNumbers> numbers = new ArrayList<>(2);
		numbers.add(NationalNumbers.of(List.of(metadata)));
		if (!siblings.isEmpty()) {
			List<PhoneMetadata> others = new ArrayList<>();
			for (String sibling : siblings) {
				others.add(metadata(sibling));
			}
			numbers.add(NationalNumbers.of(others));
		}
		String idd = metadata.getInternationalPrefix();
		return new RegionNumbers(code, List.copyOf(numbers), metadata.getNationalPrefix(),
				idd.isEmpty() ? null : Pattern.compile(idd));
	}

	/**
	 * Return the other regions with the same country code as a region.
	 */
	static List<String> sameCountryCode(String code) {
		List<String> others = new ArrayList<>(
				PhoneNumberUtil.getInstance().getRegionCodesForCountryCode(metadata(code).getCountryCode()));
		others.remove(code);
		return others;
	}

	private static PhoneMetadata metadata(String code) {
		return DefaultMetadataDependenciesProvider.getInstance()
			.getPhoneNumberMetadataSource()
			.getMetadataForRegion(code);
	}

	/**
	 * Return whether digits are dialled from the region to another country: its
	 * international prefix, then a number that country may have.
	 */
	boolean dialledAbroad(String digits, PhoneNumberLibrary library) {
		if (this.internationalPrefix == null) {
			return false;
		}
		Matcher idd = this.internationalPrefix.matcher(digits);
		return idd.lookingAt() && library.mayBeInternational(digits.substring(idd.end()));
	}

	/**
	 * Return whether digits are a number of the region written nationally: its national
	 * prefix, then a national number that its metadata allows.
	 */
	boolean writtenNationally(String digits) {
		return !this.nationalPrefix.isEmpty() && digits.startsWith(this.nationalPrefix)
				&& matches(digits.substring(this.nationalPrefix.length()));
	}

	boolean matches(String nationalNumber) {
		for (NationalNumbers rules : this.numbers) {
			if (rules.matches(nationalNumber)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The national significant numbers of one or more regions: their possible lengths,
	 * their general patterns (as one) and the patterns of their types.
	 */
	record NationalNumbers(long lengths, Pattern general, List<Pattern> types) {

		static NationalNumbers of(List<PhoneMetadata> regions) {
			long lengths = 0;
			StringJoiner general = new StringJoiner("|");
			List<Pattern> types = new ArrayList<>();
			for (PhoneMetadata metadata : regions) {
				for (int length : metadata.getGeneralDesc().getPossibleLengthList()) {
					lengths |= 1L << length;
				}
				general.add("(?:" + metadata.getGeneralDesc().getNationalNumberPattern() + ")");
				for (PhoneNumberDesc desc : List.of(metadata.getFixedLine(), metadata.getMobile(),
						metadata.getTollFree(), metadata.getPremiumRate(), metadata.getSharedCost(), metadata.getVoip(),
						metadata.getPersonalNumber(), metadata.getPager(), metadata.getUan(),
						metadata.getVoicemail())) {
					if (desc.hasNationalNumberPattern()) {
						types.add(Pattern.compile(desc.getNationalNumberPattern()));
					}
				}
			}
			return new NationalNumbers(lengths, Pattern.compile(general.toString()), List.copyOf(types));
		}

		boolean matches(String nationalNumber) {
			int length = nationalNumber.length();
			if (length >= 64 || (this.lengths & (1L << length)) == 0
					|| !this.general.matcher(nationalNumber).matches()) {
				return false;
			}
			for (Pattern type : this.types) {
				if (type.matcher(nationalNumber).matches()) {
					return true;
				}
			}
			return false;
		}

	}

}
