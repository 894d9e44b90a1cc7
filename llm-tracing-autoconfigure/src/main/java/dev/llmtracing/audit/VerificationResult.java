package dev.llmtracing.audit;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@link AuditTrailVerifier} found in an audit trail.
 *
 * @param linesChecked how many lines were checked, broken ones included
 * @param segments how many segments the lines form: each line with an
 * {@code "audit.segment"} starts one, and so does a first line without it (the trail
 * starts mid-chain because older rolled files were deleted)
 * @param problems the problems found, in file and line order; after a problem the check
 * goes on from the line that has it
 * @author llm-tracing
 */
public record VerificationResult(long linesChecked, int segments, List<Problem> problems) {

	public VerificationResult {
		problems = List.copyOf(problems);
	}

	/**
	 * Return whether the trail verifies: no problem was found.
	 * @return whether the trail verifies
	 */
	public boolean ok() {
		return this.problems.isEmpty();
	}

	/**
	 * Return the first problem found.
	 * @return the first problem, or {@code null} when the trail verifies
	 */
	public @Nullable Problem firstProblem() {
		return this.problems.isEmpty() ? null : this.problems.get(0);
	}

	/**
	 * A problem at one line of an audit file.
	 *
	 * @param file the file
	 * @param line the 1-based number of the line
	 * @param reason what is wrong, such as {@code hash mismatch: the line was edited}
	 */
	public record Problem(Path file, long line, String reason) {

		@Override
		public String toString() {
			return this.file + ":" + this.line + ": " + this.reason;
		}

	}

}
