package dev.llmtracing.benchmarks;

import dev.llmtracing.redact.PiiMasker;
import org.openjdk.jmh.annotations.Param;

/**
 * Throughput of masking {@link HostileInput hostile inputs} with {@link PiiMasker} and
 * with the equivalent {@link RegexMaskingChain logstash regex value maskers}: linear
 * scans against backtracking.
 *
 * @author llm-tracing
 */
public class HostileInputMaskingBenchmark extends AbstractMaskingBenchmark {

	/**
	 * The input to mask.
	 */
	@Param
	public HostileInput input = HostileInput.AT_SIGNS_100K;

	@Override
	protected String text() {
		return this.input.text();
	}

}
