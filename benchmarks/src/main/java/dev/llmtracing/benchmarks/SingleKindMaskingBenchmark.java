package dev.llmtracing.benchmarks;

import java.util.List;
import java.util.Set;
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
 * Throughput of masking a single kind of data, with a {@link PiiMasker} that has one
 * built-in detector and with the matching {@link RegexMaskingChain regex value maskers},
 * to show where each implementation spends its time.
 *
 * @author llm-tracing
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SingleKindMaskingBenchmark {

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

	private PiiMasker piiMasker = PiiMasker.of(Set.of(), List.of());

	private RegexMaskingChain regexMaskers = new RegexMaskingChain(Set.of());

	private String text = "";

	/**
	 * Create the maskers and load the text.
	 */
	@Setup
	public void setUp() {
		this.piiMasker = PiiMasker.of(Set.of(this.kind), List.of());
		this.regexMaskers = new RegexMaskingChain(Set.of(this.kind));
		this.text = this.input.text();
	}

	/**
	 * Mask with the single detector.
	 * @return the masked text
	 */
	@Benchmark
	public String piiMasker() {
		return this.piiMasker.redact(this.text);
	}

	/**
	 * Mask with the regex value maskers for the kind.
	 * @return the masked text
	 */
	@Benchmark
	public String regexValueMaskers() {
		return this.regexMaskers.mask(this.text);
	}

}
