package dev.llmtracing.redact;

/**
 * A view of a string that allows only so many character reads, so that a regular
 * expression cannot spend unbounded time on it.
 *
 * @author llm-tracing
 */
final class BoundedCharSequence implements CharSequence {

	private final String text;

	private final int offset;

	private final int length;

	private final long[] budget;

	BoundedCharSequence(String text, long maxReads) {
		this(text, 0, text.length(), new long[] { maxReads });
	}

	private BoundedCharSequence(String text, int offset, int length, long[] budget) {
		this.text = text;
		this.offset = offset;
		this.length = length;
		this.budget = budget;
	}

	@Override
	public char charAt(int index) {
		if (--this.budget[0] < 0) {
			throw new MaskingTimeoutException();
		}
		return this.text.charAt(this.offset + index);
	}

	@Override
	public int length() {
		return this.length;
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		return new BoundedCharSequence(this.text, this.offset + start, end - start, this.budget);
	}

	@Override
	public String toString() {
		return this.text.substring(this.offset, this.offset + this.length);
	}

	/**
	 * Thrown when a pattern read more characters than allowed.
	 */
	static final class MaskingTimeoutException extends RuntimeException {

		MaskingTimeoutException() {
			super("A masking pattern read too many characters; the text is dropped", null, false, false);
		}

	}

}
