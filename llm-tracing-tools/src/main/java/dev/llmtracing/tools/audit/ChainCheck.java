package dev.llmtracing.tools.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.llmtracing.audit.AuditTrailFormat;
import dev.llmtracing.tools.audit.VerificationResult.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Checks the lines of an audit trail one after the other, across files, and collects what
 * it finds.
 * <p>
 * A line cut off in the middle of its JSON is held back until the next line shows what it
 * was: when that line starts a {@code restart-after-broken-line} segment that verifies,
 * the writer found the cut line at its next start, so it was a crash and is an
 * {@linkplain VerificationResult#incompleteLines() incomplete line}; anything else after
 * it, or the end of the trail, makes it a broken line.
 *
 * @author llm-tracing
 */
final class ChainCheck {

	static final String BROKEN = "broken line: not a complete audit line (cut or half-written)";

	static final String EDITED = "hash mismatch: the line was edited";

	static final String CHAIN = "chain broken: a line was removed, inserted or reordered before this one";

	static final String INCOMPLETE = "incomplete line (crash): cut off mid-write, and the next start began a new segment";

	private final List<Problem> problems = new ArrayList<>();

	private final List<Problem> incompleteLines = new ArrayList<>();

	private final List<Problem> cutOff = new ArrayList<>();

	private @Nullable String lastHash;

	private long lastSeq;

	private long lines;

	private int segments;

	/**
	 * Check the next line.
	 * @param file the file of the line
	 * @param number the 1-based number of the line in its file
	 * @param text the text of the line
	 */
	void check(Path file, long number, String text) {
		this.lines++;
		AuditLine line = AuditLine.read(text);
		if (line == null) {
			// The next line must still chain to the last line that was read
			if (AuditLine.isCutOff(text)) {
				this.cutOff.add(new Problem(file, number, BROKEN));
			}
			else {
				settleCutOff(false);
				this.problems.add(new Problem(file, number, BROKEN));
			}
			return;
		}
		String reason = reason(line);
		settleCutOff(reason == null && AuditTrailFormat.RESTART_AFTER_BROKEN_LINE.equals(line.segment()));
		if (line.segment() != null || this.segments == 0) {
			this.segments++;
		}
		// Go on from the hash the line claims, so that one edit is one problem
		this.lastHash = line.hash();
		this.lastSeq = line.seq();
		if (reason != null) {
			this.problems.add(new Problem(file, number, reason));
		}
	}

	/**
	 * Return what was found in the lines checked so far, at the end of the trail.
	 * @return the result
	 */
	VerificationResult result() {
		settleCutOff(false);
		return new VerificationResult(this.lines, this.segments, this.problems, this.incompleteLines);
	}

	private void settleCutOff(boolean crash) {
		for (Problem cut : this.cutOff) {
			if (crash) {
				this.incompleteLines.add(new Problem(cut.file(), cut.line(), INCOMPLETE));
			}
			else {
				this.problems.add(cut);
			}
		}
		this.cutOff.clear();
	}

	private @Nullable String reason(AuditLine line) {
		if (!line.intact()) {
			return EDITED;
		}
		String segment = line.segment();
		if (segment != null) {
			if (!segment.equals(AuditTrailFormat.START)
					&& !segment.equals(AuditTrailFormat.RESTART_AFTER_BROKEN_LINE)) {
				return "bad segment: unknown audit.segment '" + segment + "'";
			}
			if (!line.prev().equals(AuditTrailFormat.ZERO_HASH)) {
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

}
