package dev.llmtracing.redact;

/**
 * Cuts a text into the spans that could be phone numbers, in one pass: runs of digit
 * groups joined by single separators (space, no-break space, {@code - . / ( )}), with an
 * optional leading {@code +}. Spans glued to a word or a code ({@code INV-2024-000123},
 * {@code #555-123-4567}) are not candidates, and {@link PhoneLookAlikes look-alikes}
 * (dates, times, versions, decimals, amounts, coordinates, ZIP+4 codes, IPv4 addresses)
 * are taken out: a date inside a span splits it, and the hour of a time is dropped from
 * its end, so {@code 1991-09-21 04:50:23} never reaches a phone rule.
 *
 * @author llm-tracing
 */
final class PhoneCandidates {

	/**
	 * Most digit groups in one span; longer spans (tables, digit dumps) are skipped
	 * whole, which keeps the scan linear.
	 */
	static final int MAX_GROUPS = 12;

	/**
	 * Fewest digits of a candidate.
	 */
	static final int MIN_DIGITS = 6;

	private final String text;

	private final Sink sink;

	private final int[] starts = new int[MAX_GROUPS];

	private final int[] ends = new int[MAX_GROUPS];

	private PhoneCandidates(String text, Sink sink) {
		this.text = text;
		this.sink = sink;
	}

	/**
	 * Pass every candidate of the text to the sink, in order.
	 * @param text the text
	 * @param sink receives the candidates
	 */
	static void scan(String text, Sink sink) {
		new PhoneCandidates(text, sink).scan();
	}

	private void scan() {
		int i = 0;
		while (i < this.text.length()) {
			if (!canStart(this.text, i)) {
				i++;
				continue;
			}
			int end = (this.text.charAt(i) == '+') ? i + 1 : i;
			int groups = 0;
			while (end < this.text.length()) {
				char ch = this.text.charAt(end);
				if (Chars.isDigit(ch)) {
					if (end == i || !Chars.isDigit(this.text.charAt(end - 1))) {
						if (groups < MAX_GROUPS) {
							this.starts[groups] = end;
						}
						groups++;
					}
					if (groups <= MAX_GROUPS) {
						this.ends[groups - 1] = end + 1;
					}
					end++;
				}
				else if (continuesWithSeparator(this.text, i, end)) {
					end++;
				}
				else {
					break;
				}
			}
			if (groups > 0 && groups <= MAX_GROUPS) {
				candidate(i, groups);
			}
			i = Math.max(end, i + 1);
		}
	}

	/**
	 * Pass on the candidate that starts at the given index, with its parentheses: those
	 * around an area code ({@code (555) 123-4567}) belong to it, those around the whole
	 * number ({@code (020 8167 3951)}) do not.
	 */
	private void candidate(int start, int groups) {
		int last = groups - 1;
		if (this.ends[last] - this.starts[0] < MIN_DIGITS) {
			// fewer characters than the fewest digits of a phone number
			return;
		}
		int end = this.ends[last];
		int open = 0;
		int firstClose = -1;
		for (int i = start; i < end; i++) {
			char ch = this.text.charAt(i);
			open += (ch == '(') ? 1 : (ch == ')') ? -1 : 0;
			firstClose = (ch == ')' && firstClose < 0) ? i : firstClose;
		}
		if (open > 0 && this.text.charAt(start) == '(' && firstClose < 0) {
			start = this.starts[0];
		}
		else if (open > 0 && end < this.text.length() && this.text.charAt(end) == ')') {
			end++;
		}
		if (PhoneLookAlikes.isFollowedByTime(this.text, end)) {
			last--;
			end = this.ends[Math.max(last, 0)];
		}
		part(start, end, 0, last);
	}

	private void part(int start, int end, int first, int last) {
		if (first > last) {
			return;
		}
		for (int group = first; group + 2 <= last; group++) {
			if (PhoneLookAlikes.isDate(this.text, this.starts, this.ends, group)) {
				part(start, this.ends[Math.max(group - 1, first)], first, group - 1);
				part((group + 3 <= last) ? this.starts[group + 3] : end, end, group + 3, last);
				return;
			}
		}
		if (!Chars.endsWord(this.text, end) && !PhoneExtensions.startsAt(this.text, end)) {
			return;
		}
		if (PhoneLookAlikes.isLookAlike(this.text, start, end, this.starts, this.ends, first, last)) {
			return;
		}
		int digits = 0;
		for (int group = first; group <= last; group++) {
			digits += this.ends[group] - this.starts[group];
		}
		this.sink.accept(start, end, this.text.charAt(start) == '+', digits, last - first + 1);
	}

	private static boolean canStart(String text, int i) {
		char ch = text.charAt(i);
		boolean opener = (ch == '+' || ch == '(') && i + 1 < text.length() && Chars.isDigit(text.charAt(i + 1));
		if (!opener && !Chars.isDigit(ch)) {
			return false;
		}
		if (i == 0) {
			return true;
		}
		char before = text.charAt(i - 1);
		if (opener) {
			return !Chars.isWordChar(before) && before != '#';
		}
		return !Chars.isWordChar(before) && "-/.,:+#$(".indexOf(before) < 0;
	}

	private static boolean continuesWithSeparator(String text, int start, int index) {
		char ch = text.charAt(index);
		if (!isSeparator(ch) || index + 1 >= text.length()) {
			return false;
		}
		char next = text.charAt(index + 1);
		if (ch == ' ' && (next == '-' || next == '/') && index + 2 < text.length() && text.charAt(index + 2) == ' ') {
			// " - " and " / " join two numbers, not two groups of one
			return false;
		}
		return (Chars.isDigit(next) || isSeparator(next)) && (index == start || text.charAt(index - 1) != ch);
	}

	private static boolean isSeparator(char ch) {
		return ch == ' ' || ch == '\u00A0' || ch == '-' || ch == '.' || ch == '/' || ch == '(' || ch == ')';
	}

	/**
	 * Receives the candidates of a text.
	 */
	@FunctionalInterface
	interface Sink {

		/**
		 * Accept a candidate.
		 * @param start the index of its first character, a digit, {@code +} or {@code (}
		 * @param end the index after its last digit (or closing parenthesis); an
		 * extension may follow
		 * @param international whether it starts with {@code +}
		 * @param digits the number of digits
		 * @param groups the number of digit groups
		 */
		void accept(int start, int end, boolean international, int digits, int groups);

	}

}
