package dev.llmtracing.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.llmtracing.redact.PiiMasker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of masking prompt texts with {@link PiiMasker} and with the equivalent
 * {@link RegexMaskingChain logstash regex value maskers}.
 *
 * @author llm-tracing
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MaskingBenchmark {

	/**
	 * The text to mask.
	 */
	@Param
	public PromptInput input = PromptInput.SUPPORT_EN;

	private final PiiMasker piiMasker = PiiMasker.of(PiiMasker.DETECTORS, List.of());

	private final RegexMaskingChain regexMaskers = new RegexMaskingChain();

	private String text = "";

	/**
	 * Load the text.
	 */
	@Setup
	public void loadText() {
		this.text = this.input.text();
	}

	/**
	 * Mask with {@link PiiMasker}.
	 * @return the masked text
	 */
	@Benchmark
	public String piiMasker() {
		return this.piiMasker.redact(this.text);
	}

	/**
	 * Mask with the regex value maskers.
	 * @return the masked text
	 */
	@Benchmark
	public String regexValueMaskers() {
		return this.regexMaskers.mask(this.text);
	}

}
