package dev.llmtracing.redact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures each built-in detector on its corpus under {@code redact-corpus/}: lines
 * starting with {@code +} hold sensitive values between double braces that must be masked
 * exactly, lines starting with {@code -} hold look-alikes that must stay unchanged. Every
 * detector must reach a recall of 1.0 and a false-positive rate of 0.0.
 *
 * @author llm-tracing
 */
class DetectorCorpusTests {

	private static final Map<String, String> PLACEHOLDERS = Map.of("email", "[EMAIL]", "card", "[CARD]", "iban",
			"[IBAN]", "phone", "[PHONE]", "ip", "[IP]", "jwt", "[JWT]", "secrets", "[SECRET]");

	@ParameterizedTest(name = "{0}: nothing missed, no false positives")
	@ValueSource(strings = { "email", "card", "iban", "phone", "ip", "jwt", "secrets" })
	void detectorMeetsItsRecallAndFalsePositiveTargets(String detector) throws IOException {
		PiiMasker masker = PiiMasker.of(Set.of(detector));
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
		assertThat(missed).as("recall of %s, missed: %s", detector, missed).isEmpty();
		assertThat(falsePositives).as("false positives of %s: %s", detector, falsePositives).isEmpty();
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
