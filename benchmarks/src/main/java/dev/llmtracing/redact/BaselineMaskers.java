package dev.llmtracing.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the baseline of the masking benchmarks: a {@link PiiMasker} with today's
 * detectors but the phone detector of before libphonenumber ({@link MainPhoneDetector}),
 * so that the cost of libphonenumber shows. It lives in the benchmarks module, in this
 * package only to reach the package-private detectors.
 *
 * @author llm-tracing
 */
public final class BaselineMaskers {

	private BaselineMaskers() {
	}

	/**
	 * Create the baseline masker for the given kinds of data.
	 * @param kinds the kinds, named as in {@link PiiMasker#DETECTORS}
	 * @return the masker
	 */
	public static PiiMasker withMainPhoneDetector(Set<String> kinds) {
		List<Detector> detectors = new ArrayList<>();
		for (Detector detector : List.of(new SecretDetector(), new JwtDetector(), new EmailDetector(),
				new IbanDetector(), new CardDetector(), new IpAddressDetector(), new MainPhoneDetector())) {
			if (kinds.contains(detector.name())) {
				detectors.add(detector);
			}
		}
		return new PiiMasker(detectors);
	}

}
