package dev.llmtracing.benchmarks;

import dev.llmtracing.redact.PiiMasker;
import org.openjdk.jmh.annotations.Param;

/**
 * Throughput of masking prompt texts with {@link PiiMasker} and with the equivalent
 * {@link RegexMaskingChain logstash regex value maskers}.
 *
 * @author llm-tracing
 */
public class MaskingBenchmark extends AbstractMaskingBenchmark {

	/**
	 * The text to mask.
	 */
	@Param
	public PromptInput input = PromptInput.SUPPORT_EN;

	@Override
	protected String text() {
		return this.input.text();
	}

}
