package dev.llmtracing.redact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures each built-in detector on its corpus under {@code redact-corpus/}: lines
 * starting with {@code +} hold sensitive values between double braces that must be masked
 * exactly, lines starting with {@code -} hold look-alikes that must stay unchanged.
 * Recall and false-positive rate are asserted per detector.
 *
 * @author llm-tracing
 */
class DetectorCorpusTests {

	private static final Map<String, String> PLACEHOLDERS = Map.of("email", "[EMAIL]", "card", "[CARD]", "iban",
			"[IBAN]", "phone", "[PHONE]", "ip", "[IP]", "jwt", "[JWT]", "secrets", "[SECRET]");

	@ParameterizedTest(name = "{0}: recall >= {1}, false positives <= {2}")
	@CsvSource({ "email, 1.0, 0.0", "card, 1.0, 0.0", "iban, 1.0, 0.0", "phone, 1.0, 0.0", "ip, 1.0, 0.0",
			"jwt, 1.0, 0.0", "secrets, 1.0, 0.0" })
	void detectorMeetsItsRecallAndFalsePositiveTargets(String detector, double minRecall, double maxFalsePositives)
			throws IOException {
		PiiMasker masker = PiiMasker.of(Set.of(detector), List.of());
		List<String> missed = new ArrayList<>();
		List<String> falsePositives = new ArrayList<>();
		int positives = 0;
		int negatives = 0;
		for (String line : corpus(detector)) {
			String sample = line.substring(2).replace("\\n", "\n");
			if (line.startsWith("+ ")) {
				positives++;
				String input = sample.replace("{{", "").replace("}}", "");
				String expected = maskExpected(sample, detector);
				if (!masker.redact(input).equals(expected)) {
					missed.add(input + " -> " + masker.redact(input));
				}
			}
			else if (line.startsWith("- ")) {
				negatives++;
				if (!masker.redact(sample).equals(sample)) {
					falsePositives.add(sample + " -> " + masker.redact(sample));
				}
			}
		}
		assertThat(positives).as("positive samples").isGreaterThanOrEqualTo(5);
		assertThat(negatives).as("negative samples").isGreaterThanOrEqualTo(5);
		double recall = (positives - missed.size()) / (double) positives;
		double falsePositiveRate = falsePositives.size() / (double) negatives;
		assertThat(recall).as("recall of %s, missed: %s", detector, missed).isGreaterThanOrEqualTo(minRecall);
		assertThat(falsePositiveRate).as("false positives of %s: %s", detector, falsePositives)
			.isLessThanOrEqualTo(maxFalsePositives);
	}

	private static String maskExpected(String sample, String detector) {
		String placeholder = PLACEHOLDERS.get(detector);
		if (sample.contains("PRIVATE KEY")) {
			placeholder = "[PRIVATE_KEY]";
		}
		StringBuilder expected = new StringBuilder();
		int position = 0;
		int open = sample.indexOf("{{");
		while (open >= 0) {
			int close = sample.indexOf("}}", open);
			expected.append(sample, position, open).append(placeholder);
			position = close + 2;
			open = sample.indexOf("{{", position);
		}
		return expected.append(sample.substring(position)).toString();
	}

	private static List<String> corpus(String detector) throws IOException {
		try (InputStream in = DetectorCorpusTests.class.getResourceAsStream("/redact-corpus/" + detector + ".txt")) {
			assertThat(in).as("corpus of " + detector).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> line.startsWith("+ ") || line.startsWith("- "))
				.toList();
		}
	}

}
