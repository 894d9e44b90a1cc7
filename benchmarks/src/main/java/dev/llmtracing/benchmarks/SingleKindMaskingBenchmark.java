package dev.llmtracing.benchmarks;

import java.util.Set;

import dev.llmtracing.redact.PiiMasker;
import org.openjdk.jmh.annotations.Param;

/**
 * Throughput of masking a single kind of data, with a {@link PiiMasker} that has one
 * built-in detector and with the matching {@link RegexMaskingChain regex value maskers},
 * to show where each implementation spends its time.
 *
 * @author llm-tracing
 */
public class SingleKindMaskingBenchmark extends AbstractMaskingBenchmark {

	/**
	 * The kind of data, named as in {@link PiiMasker#DETECTORS}.
	 */
	@Param({ "secrets", "jwt", "email", "iban", "card", "ip", "phone" })
	public String kind = "email";

	/**
	 * The text to mask.
	 */
	@Param({ "SUPPORT_EN", "CLEAN_EN" })
	public PromptInput input = PromptInput.SUPPORT_EN;

	@Override
	protected Set<String> kinds() {
		return Set.of(this.kind);
	}

	@Override
	protected String text() {
		return this.input.text();
	}

}
