package dev.llmtracing.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;

/**
 * Asks Google's libphonenumber whether a {@link PhoneCandidates candidate} is a valid
 * phone number: {@link PhoneNumberUtil#findNumbers(CharSequence, String, Leniency, long)}
 * with {@link Leniency#VALID}, on the candidate only (a few dozen characters, so the work
 * per text stays linear and small), with at most {@value #MAX_TRIES} tries. A number
 * starting with {@code +} is asked once, whatever the regions; any other number is asked
 * for each configured region whose metadata allows its digits, until one finds it. A text
 * gets at most {@value #MAX_CALLS_PER_TEXT} calls; after them, candidates that a region
 * could have are masked unchecked. Only loaded when libphonenumber is on the class path.
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
	 * What a region's metadata says about its valid numbers: every national significant
	 * number of the region matches the pattern of one of its number types (fixed line,
	 * mobile, toll free, ...). A candidate whose digits, with or without the national
	 * prefix, match none cannot be valid there, so the region is not asked about it: a
	 * few small pattern matches instead of a {@code findNumbers} call that would fail.
	 * Regions that rewrite national numbers when parsing them (a prefix transform rule)
	 * are checked against their general pattern only.
	 */
	private record Region(String code, Pattern general, List<Pattern> types, String nationalPrefix) {

		static Region of(String code) {
			PhoneMetadata metadata = DefaultMetadataDependenciesProvider.getInstance()
				.getPhoneNumberMetadataSource()
				.getMetadataForRegion(code);
			String prefix = metadata.getNationalPrefix();
			boolean plain = !metadata.hasNationalPrefixTransformRule()
					&& (metadata.getNationalPrefixForParsing().isEmpty()
							|| metadata.getNationalPrefixForParsing().equals(prefix));
			List<Pattern> types = new ArrayList<>();
			if (plain) {
				for (PhoneNumberDesc desc : List.of(metadata.getFixedLine(), metadata.getMobile(),
						metadata.getTollFree(), metadata.getPremiumRate(), metadata.getSharedCost(), metadata.getVoip(),
						metadata.getPersonalNumber(), metadata.getPager(), metadata.getUan(),
						metadata.getVoicemail())) {
					if (desc.hasNationalNumberPattern()) {
						types.add(Pattern.compile(desc.getNationalNumberPattern()));
					}
				}
			}
			return new Region(code, Pattern.compile(metadata.getGeneralDesc().getNationalNumberPattern()),
					List.copyOf(types), prefix);
		}

		boolean mayHave(String digits) {
			if (digits.startsWith("00") || digits.startsWith("011")) {
				return true;
			}
			return (!this.nationalPrefix.isEmpty() && digits.startsWith(this.nationalPrefix)
					&& matches(digits.substring(this.nationalPrefix.length()))) || matches(digits);
		}

		private boolean matches(String nationalNumber) {
			if (!this.general.matcher(nationalNumber).matches()) {
				return false;
			}
			if (this.types.isEmpty()) {
				return true;
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
