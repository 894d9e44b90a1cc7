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
 * Throughput of a {@link PiiMasker} with a single built-in detector, to show where the
 * full masker spends its time.
 *
 * @author llm-tracing
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DetectorBenchmark {

	/**
	 * The name of the detector, from {@link PiiMasker#DETECTORS}.
	 */
	@Param({ "secrets", "jwt", "email", "iban", "card", "ip", "phone" })
	public String detector = "email";

	/**
	 * The text to mask.
	 */
	@Param({ "SUPPORT_EN", "CLEAN_EN" })
	public PromptInput input = PromptInput.SUPPORT_EN;

	private PiiMasker masker = PiiMasker.of(Set.of(), List.of());

	private String text = "";

	/**
	 * Create the masker and load the text.
	 */
	@Setup
	public void setUp() {
		this.masker = PiiMasker.of(Set.of(this.detector), List.of());
		this.text = this.input.text();
	}

	/**
	 * Mask with the single detector.
	 * @return the masked text
	 */
	@Benchmark
	public String singleDetector() {
		return this.masker.redact(this.text);
	}

}
