package dev.llmtracing.audit;

import org.jspecify.annotations.Nullable;

/**
 * Checks the lines of an audit trail one after the other, across files.
 *
 * @author llm-tracing
 */
final class ChainCheck {

	static final String BROKEN = "broken line: not a complete audit line (cut or half-written)";

	static final String EDITED = "hash mismatch: the line was edited";

	static final String CHAIN = "chain broken: a line was removed, inserted or reordered before this one";

	private @Nullable String lastHash;

	private long lastSeq;

	private long lines;

	private int segments;

	/**
	 * Check the next line.
	 * @param text the text of the line
	 * @return what is wrong with it, or {@code null} if nothing is
	 */
	@Nullable String check(String text) {
		this.lines++;
		AuditLine line = AuditLine.parse(text);
		if (line == null) {
			// The next line must still chain to the last line that was read
			return BROKEN;
		}
		String reason = reason(line);
		if (line.segment() != null || this.segments == 0) {
			this.segments++;
		}
		// Go on from the hash the line claims, so that one edit is one problem
		this.lastHash = line.hash();
		this.lastSeq = line.seq();
		return reason;
	}

	private @Nullable String reason(AuditLine line) {
		if (!line.intact()) {
			return EDITED;
		}
		String segment = line.segment();
		if (segment != null) {
			if (!segment.equals(AuditLine.START) && !segment.equals(AuditLine.RESTART)) {
				return "bad segment: unknown audit.segment '" + segment + "'";
			}
			if (!line.prev().equals(AuditLine.ZERO_HASH)) {
				return "bad segment: a segment must start with an audit.prev of 64 zeros";
			}
			return (line.seq() > this.lastSeq) ? null
					: "sequence gap: audit.seq " + line.seq() + " does not come after " + this.lastSeq;
		}
		if (this.lastHash == null) {
			return null;
		}
		if (!line.prev().equals(this.lastHash)) {
			return CHAIN;
		}
		return (line.seq() == this.lastSeq + 1) ? null
				: "sequence gap: audit.seq " + line.seq() + " where " + (this.lastSeq + 1) + " was expected";
	}

	/**
	 * Return how many lines were checked.
	 * @return the number of lines
	 */
	long lines() {
		return this.lines;
	}

	/**
	 * Return how many segments the lines form.
	 * @return the number of segments
	 */
	int segments() {
		return this.segments;
	}

}
