package dev.llmtracing.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The built-in {@link Redactor}: runs the enabled detectors, each only on texts its cheap
 * pre-check lets through, and replaces every match by a typed placeholder such as
 * {@code [EMAIL]} or {@code [CARD]}, so that a reader can still follow the text. Where
 * matches overlap, the one that starts first (then the longer one) wins.
 * <p>
 * No detector uses a regular expression: each is a character scan, linear in the length
 * of the text, so hostile input cannot make masking slow.
 *
 * @author llm-tracing
 */
public final class PiiMasker implements Redactor {

	/**
	 * The built-in detectors but the phone detector, in order of precedence; the phone
	 * detector, which depends on the phone regions, comes last. They hold no state, so
	 * all maskers share them.
	 */
	private static final List<Detector> BUILT_IN = List.of(new SecretDetector(), new JwtDetector(), new EmailDetector(),
			new IbanDetector(), new CardDetector(), new IpAddressDetector());

	private static final String PHONE = "phone";

	/**
	 * The names of the built-in detectors.
	 */
	public static final Set<String> DETECTORS = Set.of("secrets", "jwt", "email", "iban", "card", "ip", PHONE);

	private static final Comparator<Finding> ORDER = Comparator.comparingInt(Finding::start)
		.thenComparing(Comparator.comparingInt(Finding::end).reversed());

	private final List<Detector> detectors;

	/**
	 * Create a masker with the given detectors.
	 * @param detectors the detectors, in order of precedence
	 */
	PiiMasker(List<Detector> detectors) {
		this.detectors = List.copyOf(detectors);
	}

	/**
	 * Create a masker with the named built-in detectors and the
	 * {@link PhoneRegions#DEFAULT default phone regions}.
	 * @param enabled the names of the detectors to use, from {@link #DETECTORS}
	 * @return the masker
	 */
	public static PiiMasker of(Set<String> enabled) {
		return of(enabled, PhoneRegions.DEFAULT, List.of());
	}

	/**
	 * Create a masker with the named built-in detectors and user patterns. A user pattern
	 * reads the text through a bounded view, so a pattern that backtracks
	 * catastrophically on hostile input fails fast instead of hanging.
	 * @param enabled the names of the detectors to use, from {@link #DETECTORS}
	 * @param phoneRegions the regions whose national phone numbers are found, see
	 * {@link PhoneRegions}
	 * @param patterns user patterns, each with what replaces its matches (such as
	 * {@code [EMPLOYEE_ID]}), run after the built-in detectors in this order
	 * @return the masker
	 * @throws IllegalArgumentException if a phone region is {@link PhoneRegions#unknown
	 * unknown}
	 * @since 0.1.0
	 */
	public static PiiMasker of(Set<String> enabled, List<String> phoneRegions,
			List<Map.Entry<Pattern, String>> patterns) {
		List<Detector> detectors = new ArrayList<>();
		for (Detector detector : BUILT_IN) {
			if (enabled.contains(detector.name())) {
				detectors.add(detector);
			}
		}
		if (enabled.contains(PHONE)) {
			detectors.add(PhoneRegions.detector(phoneRegions));
		}
		for (int i = 0; i < patterns.size(); i++) {
			Map.Entry<Pattern, String> pattern = patterns.get(i);
			detectors.add(new PatternDetector("pattern-" + i, pattern.getKey(), pattern.getValue()));
		}
		return new PiiMasker(detectors);
	}

	@Override
	public String redact(String text) {
		if (text.isEmpty()) {
			return text;
		}
		List<Finding> findings = new ArrayList<>();
		for (Detector detector : this.detectors) {
			if (detector.mightMatch(text)) {
				detector.find(text, findings);
			}
		}
		if (findings.isEmpty()) {
			return text;
		}
		findings.sort(ORDER);
		StringBuilder masked = new StringBuilder(text.length());
		int position = 0;
		for (Finding finding : findings) {
			if (finding.start() < position) {
				continue;
			}
			masked.append(text, position, finding.start()).append(finding.placeholder());
			position = finding.end();
		}
		return masked.append(text, position, text.length()).toString();
	}

}
