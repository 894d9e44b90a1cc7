package dev.llmtracing.redact;

import java.util.ArrayList;
import java.util.List;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.Phonemetadata.NumberFormat;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;

/**
 * Asks Google's libphonenumber whether a {@link PhoneCandidates candidate} is a valid
 * phone number: {@link PhoneNumberUtil#findNumbers(CharSequence, String, Leniency, long)}
 * with {@link Leniency#VALID}, on the candidate only (a few dozen characters, so the work
 * per text stays linear and small), with at most {@value #MAX_TRIES} tries. A number
 * starting with {@code +} is asked once, whatever the regions; any other number is asked
 * for each configured region whose numbers can have its length and prefix, until one
 * finds it. A text gets at most {@value #MAX_CALLS_PER_TEXT} calls; after them,
 * candidates that a region could have are masked unchecked. Only loaded when
 * libphonenumber is on the class path.
 *
 * @author llm-tracing
 */
final class PhoneNumberLibrary {

	/**
	 * Most candidates one call to {@code findNumbers} may try.
	 */
	static final int MAX_TRIES = 4;

	/**
	 * Most characters of a candidate that is given to libphonenumber.
	 */
	static final int MAX_LENGTH = 64;

	/**
	 * Most calls to {@code findNumbers} for one text (about 5 ms of work).
	 */
	static final int MAX_CALLS_PER_TEXT = 256;

	private static final String UNKNOWN_REGION = "ZZ";

	private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	private final List<Region> regions;

	PhoneNumberLibrary(List<String> regionCodes) {
		List<Region> regions = new ArrayList<>();
		for (String code : regionCodes) {
			regions.add(Region.of(code));
		}
		this.regions = List.copyOf(regions);
	}

	static boolean isSupported(String regionCode) {
		return PhoneNumberUtil.getInstance().getSupportedRegions().contains(regionCode);
	}

	/**
	 * Add the phone numbers libphonenumber finds in a candidate. Once a text has used its
	 * budget of calls, a candidate that one of the regions could have is masked without
	 * asking, so that the work per text stays bounded and fails towards masking.
	 * @param text the text
	 * @param start the start of the candidate
	 * @param coreEnd the end of its digits
	 * @param end the end of the candidate, its extension included
	 * @param international whether it starts with {@code +}
	 * @param budget the calls left for this text, in its only element; decremented
	 * @param findings where to add the numbers
	 */
	void find(String text, int start, int coreEnd, int end, boolean international, int[] budget,
			List<Finding> findings) {
		if (end - start > MAX_LENGTH) {
			return;
		}
		String candidate = text.substring(start, end);
		if (international) {
			findings.addAll((budget[0]-- > 0) ? find(candidate, UNKNOWN_REGION, start)
					: List.of(new Finding(start, end, Placeholders.PHONE)));
			return;
		}
		String digits = digits(text, start, coreEnd);
		List<Finding> partial = List.of();
		for (Region region : this.regions) {
			if (region.mayHave(digits)) {
				if (budget[0]-- <= 0) {
					findings.add(new Finding(start, end, Placeholders.PHONE));
					return;
				}
				List<Finding> found = find(candidate, region.code(), start);
				if (found.size() == 1 && covers(text, found.get(0), start, coreEnd)) {
					findings.addAll(found);
					return;
				}
				partial = partial.isEmpty() ? found : partial;
			}
		}
		// No region saw the whole candidate as one number: mask what the first one saw
		findings.addAll(partial);
	}

	private List<Finding> find(String candidate, String region, int offset) {
		List<Finding> found = new ArrayList<>(1);
		for (PhoneNumberMatch match : this.util.findNumbers(candidate, region, Leniency.VALID, MAX_TRIES)) {
			found.add(new Finding(offset + match.start(), offset + match.end(), Placeholders.PHONE));
		}
		return found;
	}

	private static boolean covers(String text, Finding finding, int start, int coreEnd) {
		int firstDigit = start;
		while (!Chars.isDigit(text.charAt(firstDigit))) {
			firstDigit++;
		}
		return finding.start() <= firstDigit && finding.end() >= coreEnd;
	}

	private static String digits(String text, int start, int end) {
		StringBuilder digits = new StringBuilder(end - start);
		for (int i = start; i < end; i++) {
			if (Chars.isDigit(text.charAt(i))) {
				digits.append(text.charAt(i));
			}
		}
		return digits.toString();
	}

	/**
	 * What a region's metadata says about the numbers libphonenumber can find for it
	 * without a {@code +}: the lengths of its national significant numbers, its national
	 * prefix, and whether every national format needs that prefix.
	 */
	private record Region(String code, long lengths, String nationalPrefix, boolean prefixRequired) {

		static Region of(String code) {
			PhoneMetadata metadata = DefaultMetadataDependenciesProvider.getInstance()
				.getPhoneNumberMetadataSource()
				.getMetadataForRegion(code);
			long lengths = 0;
			for (int length : metadata.getGeneralDesc().getPossibleLengthList()) {
				lengths |= 1L << length;
			}
			String prefix = metadata.getNationalPrefix();
			boolean required = !prefix.isEmpty() && !metadata.getNumberFormatList().isEmpty();
			for (NumberFormat format : metadata.getNumberFormatList()) {
				required &= !format.getNationalPrefixOptionalWhenFormatting()
						&& format.getNationalPrefixFormattingRule().replace("$1", "").contains(prefix);
			}
			return new Region(code, lengths, prefix, required);
		}

		boolean mayHave(String digits) {
			if (digits.startsWith("00") || digits.startsWith("011")) {
				return true;
			}
			if (!this.nationalPrefix.isEmpty() && digits.startsWith(this.nationalPrefix)
					&& hasLength(digits.length() - this.nationalPrefix.length())) {
				return true;
			}
			return !this.prefixRequired && hasLength(digits.length());
		}

		private boolean hasLength(int length) {
			return length > 0 && length < 64 && (this.lengths & (1L << length)) != 0;
		}

	}

}
