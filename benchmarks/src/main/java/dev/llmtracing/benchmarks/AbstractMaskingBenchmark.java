package dev.llmtracing.benchmarks;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.llmtracing.redact.BaselineMaskers;
import dev.llmtracing.redact.PiiMasker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Base class of the masking benchmarks: throughput of masking one text with a
 * {@link PiiMasker}, with the same but the phone detector of before libphonenumber
 * ({@link BaselineMaskers}), and with the equivalent {@link RegexMaskingChain logstash
 * regex value maskers}, all for the same {@link #kinds() kinds of data}.
 *
 * @author llm-tracing
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
abstract class AbstractMaskingBenchmark {

	private PiiMasker piiMasker = PiiMasker.of(Set.of());

	private PiiMasker mainPhoneMasker = PiiMasker.of(Set.of());

	private RegexMaskingChain regexMaskers = new RegexMaskingChain(Set.of());

	private String text = "";

	/**
	 * Create the maskers and load the text.
	 */
	@Setup(Level.Trial)
	public void setUp() {
		Set<String> kinds = kinds();
		this.piiMasker = PiiMasker.of(kinds);
		this.mainPhoneMasker = BaselineMaskers.withMainPhoneDetector(kinds);
		this.regexMaskers = new RegexMaskingChain(kinds);
		this.text = text();
	}

	/**
	 * The kinds of data to mask, named as in {@link PiiMasker#DETECTORS}.
	 * @return the kinds, by default all of them
	 */
	protected Set<String> kinds() {
		return PiiMasker.DETECTORS;
	}

	/**
	 * The text to mask.
	 * @return the text
	 */
	protected abstract String text();

	/**
	 * Mask with {@link PiiMasker}.
	 * @return the masked text
	 */
	@Benchmark
	public String piiMasker() {
		return this.piiMasker.redact(this.text);
	}

	/**
	 * Mask with {@link PiiMasker}'s detectors, but the phone detector of before
	 * libphonenumber.
	 * @return the masked text
	 */
	@Benchmark
	public String piiMaskerMainPhone() {
		return this.mainPhoneMasker.redact(this.text);
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
