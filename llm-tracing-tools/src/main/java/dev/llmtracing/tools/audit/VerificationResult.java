package dev.llmtracing.tools.audit;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@link AuditTrailVerifier} found in an audit trail.
 *
 * @param linesChecked how many lines were checked, broken and incomplete ones included
 * @param segments how many segments the lines form: each line with an
 * {@code "audit.segment"} starts one, and so does a first line without it (the trail
 * starts mid-chain because older rolled files were deleted)
 * @param problems the problems found, in file and line order; after a problem the check
 * goes on from the line that has it
 * @param incompleteLines the lines that a crash cut off, in file and line order: each one
 * is cut off in the middle of its JSON and followed by the
 * {@code restart-after-broken-line} segment that the next start of the writer began; they
 * are not problems
 * @author llm-tracing
 */
record VerificationResult(long linesChecked, int segments, List<Problem> problems, List<Problem> incompleteLines) {

	VerificationResult {
		problems = List.copyOf(problems);
		incompleteLines = List.copyOf(incompleteLines);
	}

	/**
	 * Return whether the trail verifies: no problem was found. Incomplete lines that a
	 * crash left are not problems.
	 * @return whether the trail verifies
	 */
	boolean ok() {
		return this.problems.isEmpty();
	}

	/**
	 * Return the first problem found.
	 * @return the first problem, or {@code null} when the trail verifies
	 */
	@Nullable Problem firstProblem() {
		return this.problems.isEmpty() ? null : this.problems.get(0);
	}

	/**
	 * A problem, or an incomplete line, at one line of an audit file.
	 *
	 * @param file the file
	 * @param line the 1-based number of the line
	 * @param reason what is wrong, such as {@code hash mismatch: the line was edited}
	 */
	record Problem(Path file, long line, String reason) {

		@Override
		public String toString() {
			return this.file + ":" + this.line + ": " + this.reason;
		}

	}

}
