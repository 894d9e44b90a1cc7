package dev.llmtracing.benchmarks;

/**
 * Inputs built to make a masker slow, masked by {@link HostileInputMaskingBenchmark}. The
 * hexadecimal runs are short because the e-mail regular expression needs time quadratic
 * in the length of a run of local-part characters without an {@code @}.
 *
 * @author llm-tracing
 */
public enum HostileInput {

	/**
	 * {@code "a@"} repeated 50,000 times (100,000 characters).
	 */
	AT_SIGNS_100K("a@", 100_000),

	/**
	 * {@code "1 "} repeated 50,000 times (100,000 characters).
	 */
	DIGITS_100K("1 ", 100_000),

	/**
	 * {@code "0115 4960446, "} repeated (100,000 characters): a national phone number
	 * that needs libphonenumber, over and over.
	 */
	PHONES_100K("0115 4960446, ", 100_000),

	/**
	 * A run of 5,000 hexadecimal digits, as in a pasted hash or hex dump.
	 */
	HEX_RUN_5K("0123456789abcdef", 5_000),

	/**
	 * A run of 10,000 hexadecimal digits.
	 */
	HEX_RUN_10K("0123456789abcdef", 10_000),

	/**
	 * A run of 20,000 hexadecimal digits.
	 */
	HEX_RUN_20K("0123456789abcdef", 20_000);

	private final String unit;

	private final int length;

	HostileInput(String unit, int length) {
		this.unit = unit;
		this.length = length;
	}

	/**
	 * Return the text of this input.
	 * @return the text
	 */
	public String text() {
		return this.unit.repeat(this.length / this.unit.length() + 1).substring(0, this.length);
	}

}
