package dev.llmtracing.redact;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Finds phone numbers, with their extension ({@code x35191}, {@code ext. 12}), replaced
 * by {@code [PHONE]}. Candidates come from {@link PhoneCandidates}, which leaves dates,
 * times, versions, decimals, amounts and other {@link PhoneLookAlikes look-alikes} out. A
 * candidate is a phone number when it has
 * <ul>
 * <li>a {@code +} and 8 to 15 digits ({@code +81 3-1234-5678}, {@code +4915112345678}),
 * or</li>
 * <li>9 to 12 digits in at least three groups ({@code (555) 123-4567},
 * {@code 03-1234-5678}, {@code 020 7946 0958}, {@code 04 74 04 89 04}), or</li>
 * <li>when libphonenumber is on the class path, if it is a valid number of one of the
 * configured regions, or any valid number with a {@code +}: national formats in one or
 * two groups ({@code 0115 4960446}, {@code 09118 665646}, {@code (026)-4090543}) and
 * numbers without separators ({@code 07213074072}).</li>
 * </ul>
 * The first two rules need no library: they also catch fictional and not yet assigned
 * numbers (such as the {@code 555} numbers of examples) that libphonenumber calls
 * invalid, and they save it a call for numbers formatted as phone numbers usually are.
 * Without libphonenumber only they apply.
 *
 * @author llm-tracing
 */
final class PhoneDetector implements Detector {

	/**
	 * Fewest digits of a phone number.
	 */
	private static final int MIN_DIGITS = PhoneCandidates.MIN_DIGITS;

	/**
	 * Most digits of a phone number (15, the E.164 maximum, and a trunk prefix).
	 */
	private static final int MAX_DIGITS = 17;

	/**
	 * Most findings of earlier detectors looked at for a candidate.
	 */
	private static final int MAX_COVERED_CHECKS = 32;

	private final @Nullable PhoneNumberLibrary library;

	/**
	 * Create a detector.
	 * @param library libphonenumber for the configured regions, or {@code null} to
	 * recognise numbers by their format only
	 */
	PhoneDetector(@Nullable PhoneNumberLibrary library) {
		this.library = library;
	}

	@Override
	public String name() {
		return "phone";
	}

	@Override
	public boolean mightMatch(String text) {
		int digits = 0;
		for (int i = 0; i < text.length(); i++) {
			if (Chars.isDigit(text.charAt(i)) && ++digits >= MIN_DIGITS) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void find(String text, List<Finding> findings) {
		int[] budget = { PhoneNumberLibrary.MAX_CALLS_PER_TEXT };
		PhoneCandidates.scan(text, (start, end, international, digits, groups) -> {
			if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
				return;
			}
			int extension = PhoneExtensions.end(text, end);
			int fullEnd = (extension > 0) ? extension : end;
			if (hasPhoneFormat(international, digits, groups)) {
				findings.add(new Finding(start, fullEnd, Placeholders.PHONE));
			}
			else if (this.library != null && !isCovered(findings, start, end)) {
				this.library.find(text, start, end, fullEnd, international, budget, findings);
			}
		});
	}

	/**
	 * Return whether a detector that runs before this one, and so takes precedence,
	 * already found the candidate, such as a card number: then libphonenumber need not be
	 * asked. Only a bounded number of findings is looked at.
	 */
	private static boolean isCovered(List<Finding> findings, int start, int end) {
		for (int i = findings.size() - 1; i >= 0 && i >= findings.size() - MAX_COVERED_CHECKS; i--) {
			Finding finding = findings.get(i);
			if (finding.start() <= start && finding.end() >= end) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasPhoneFormat(boolean international, int digits, int groups) {
		if (international) {
			return digits >= 8 && digits <= 15;
		}
		return digits >= 9 && digits <= 12 && groups >= 3;
	}

}
