package dev.llmtracing.redact;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
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
 * <p>
 * A number in several groups that starts with a region's national prefix, and whose
 * national number that region's metadata allows ({@code 0115 8224000},
 * {@code 09118 665646}), is masked without asking: {@code findNumbers} would parse it
 * with the same metadata and find it valid, at a cost of tens of microseconds. What it
 * checks besides (brackets that match, no letter right before or after) would only leave
 * such a number unmasked. Numbers in one group, or without their national prefix, are
 * still asked, since a run of digits is an order number or an amount as often as a phone
 * number.
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

	private final List<RegionNumbers> regions;

	private final Map<String, RegionNumbers> others = new ConcurrentHashMap<>();

	PhoneNumberLibrary(List<String> regionCodes) {
		// a region that shares its country code with a configured one is looked at once,
		// with the first configured region of that code
		Set<String> covered = new HashSet<>(regionCodes);
		List<RegionNumbers> regions = new ArrayList<>();
		for (String code : regionCodes) {
			List<String> siblings = new ArrayList<>();
			for (String sibling : RegionNumbers.sameCountryCode(code)) {
				if (covered.add(sibling)) {
					siblings.add(sibling);
				}
			}
			regions.add(RegionNumbers.of(code, siblings));
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
		boolean grouped = grouped(text, start, coreEnd);
		List<Finding> partial = List.of();
		for (RegionNumbers region : this.regions) {
			boolean national = region.writtenNationally(digits);
			if (grouped && national) {
				findings.add(new Finding(start, end, Placeholders.PHONE));
				return;
			}
			if (national || region.dialledAbroad(digits, this) || region.matches(digits)) {
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
	boolean mayBeInternational(String digits) {
		for (int length = 1; length <= 3 && length < digits.length(); length++) {
			String region = this.util.getRegionCodeForCountryCode(Integer.parseInt(digits.substring(0, length)));
			if (PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)) {
				return true;
			}
			if (!UNKNOWN_REGION.equals(region)) {
				return this.others
					.computeIfAbsent(region, (code) -> RegionNumbers.of(code, RegionNumbers.sameCountryCode(code)))
					.matches(digits.substring(length));
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

	/**
	 * Return whether the digits of a candidate are in more than one group.
	 */
	private static boolean grouped(String text, int start, int end) {
		boolean digitSeen = false;
		for (int i = start; i < end; i++) {
			boolean digit = Chars.isDigit(text.charAt(i));
			if (digitSeen && !digit) {
				return true;
			}
			digitSeen |= digit;
		}
		return false;
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

}
