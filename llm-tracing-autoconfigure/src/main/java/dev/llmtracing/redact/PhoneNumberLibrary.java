package dev.llmtracing.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import org.jspecify.annotations.Nullable;

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

	private final Map<String, Region> others = new ConcurrentHashMap<>();

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
	 * budget of calls, every further candidate is masked without asking, so that the work
	 * per text stays bounded and fails towards masking.
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
		if (budget[0] <= 0) {
			findings.add(new Finding(start, end, Placeholders.PHONE));
			return;
		}
		String candidate = text.substring(start, end);
		if (international) {
			budget[0]--;
			findings.addAll(find(candidate, UNKNOWN_REGION, start));
			return;
		}
		String digits = digits(text, start, coreEnd);
		List<Finding> partial = List.of();
		for (Region region : this.regions) {
			if (region.mayHave(digits, this)) {
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

	/**
	 * Return whether digits dialled after an international prefix can be a number: its
	 * country code (E.164 codes are prefix-free, so at most one matches) and a number
	 * that the types of that country allow.
	 */
	private boolean mayBeInternational(String digits) {
		for (int length = 1; length <= 3 && length < digits.length(); length++) {
			String region = this.util.getRegionCodeForCountryCode(Integer.parseInt(digits.substring(0, length)));
			if (PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)) {
				return true;
			}
			if (!UNKNOWN_REGION.equals(region)) {
				return this.others.computeIfAbsent(region, Region::of).matches(digits.substring(length));
			}
		}
		return false;
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
	 * number of the region has one of its possible lengths and matches the pattern of one
	 * of its number types (fixed line, mobile, toll free, ...). A candidate whose digits,
	 * with or without the national prefix, match none cannot be valid there, so the
	 * region is not asked about it: a few small pattern matches instead of a
	 * {@code findNumbers} call that would fail (which costs tens of microseconds). Only
	 * the plain national prefix is stripped: numbers behind the special dialling prefixes
	 * some regions also parse (Japan's {@code 000x}, the United Kingdom's {@code 180020},
	 * Australia's {@code 1831}) are found when written with {@code +} or in the phone
	 * formats of {@link PhoneDetector}.
	 */
	private record Region(String code, long lengths, Pattern general, List<Pattern> types, String nationalPrefix,
			@Nullable Pattern internationalPrefix) {

		static Region of(String code) {
			PhoneMetadata metadata = DefaultMetadataDependenciesProvider.getInstance()
				.getPhoneNumberMetadataSource()
				.getMetadataForRegion(code);
			List<Pattern> types = new ArrayList<>();
			for (PhoneNumberDesc desc : List.of(metadata.getFixedLine(), metadata.getMobile(), metadata.getTollFree(),
					metadata.getPremiumRate(), metadata.getSharedCost(), metadata.getVoip(),
					metadata.getPersonalNumber(), metadata.getPager(), metadata.getUan(), metadata.getVoicemail())) {
				if (desc.hasNationalNumberPattern()) {
					types.add(Pattern.compile(desc.getNationalNumberPattern()));
				}
			}
			long lengths = 0;
			for (int length : metadata.getGeneralDesc().getPossibleLengthList()) {
				lengths |= 1L << length;
			}
			String idd = metadata.getInternationalPrefix();
			return new Region(code, lengths, Pattern.compile(metadata.getGeneralDesc().getNationalNumberPattern()),
					List.copyOf(types), metadata.getNationalPrefix(), idd.isEmpty() ? null : Pattern.compile(idd));
		}

		boolean mayHave(String digits, PhoneNumberLibrary library) {
			if (this.internationalPrefix != null) {
				Matcher idd = this.internationalPrefix.matcher(digits);
				if (idd.lookingAt() && library.mayBeInternational(digits.substring(idd.end()))) {
					return true;
				}
			}
			return (!this.nationalPrefix.isEmpty() && digits.startsWith(this.nationalPrefix)
					&& matches(digits.substring(this.nationalPrefix.length()))) || matches(digits);
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
