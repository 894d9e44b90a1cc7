package dev.llmtracing.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where an audit trail left off: the chain fields of the next line to append. Read from
 * the end of the current file, or of the newest rolled file when the current one is
 * missing or empty.
 * <ul>
 * <li>The last line verifies by itself: the chain goes on ({@code seq + 1}, its hash as
 * {@code prev}, no segment field).</li>
 * <li>The last line is broken (half-written or edited): a new segment starts with
 * {@code prev} of 64 zeros and {@code "audit.segment":"restart-after-broken-line"}; its
 * {@code seq} follows the last line that verifies (or the {@code seq} a broken line
 * claims, if greater), so it keeps increasing.</li>
 * <li>No line at all: a new trail starts at {@code seq} 1 with
 * {@code "audit.segment":"start"}.</li>
 * </ul>
 *
 * @param nextSeq the {@code audit.seq} of the next line
 * @param prev the {@code audit.prev} of the next line
 * @param segment the {@code audit.segment} of the next line, or {@code null}
 * @param unterminated whether the current file ends without a line break, so the next
 * line must start with one
 * @author llm-tracing
 */
record ChainTail(long nextSeq, String prev, @Nullable String segment, boolean unterminated) {

	/**
	 * Read where the trail of an audit file left off.
	 * @param file the current audit file
	 * @return the chain fields of the next line
	 * @throws IOException if a file cannot be read
	 */
	static ChainTail read(Path file) throws IOException {
		boolean unterminated = false;
		boolean broken = false;
		long lastSeq = 0;
		for (Path candidate : List.of(file, RolledFiles.rolled(file, 1))) {
			if (!Files.isRegularFile(candidate)) {
				continue;
			}
			try (ReverseLines lines = new ReverseLines(candidate)) {
				unterminated = unterminated || (candidate.equals(file) && lines.unterminated());
				for (String text = lines.previous(); text != null; text = lines.previous()) {
					AuditLine line = AuditLine.parse(text);
					if (line != null && line.intact()) {
						long nextSeq = Math.max(lastSeq, line.seq()) + 1;
						return broken
								? new ChainTail(nextSeq, AuditTrailFormat.ZERO_HASH,
										AuditTrailFormat.RESTART_AFTER_BROKEN_LINE, unterminated)
								: new ChainTail(nextSeq, line.hash(), null, unterminated);
					}
					// The next segment must pass the seq an edited line claims
					lastSeq = Math.max(lastSeq, (line != null) ? line.seq() : 0);
					broken = true;
				}
			}
		}
		String segment = broken ? AuditTrailFormat.RESTART_AFTER_BROKEN_LINE : AuditTrailFormat.START;
		return new ChainTail(lastSeq + 1, AuditTrailFormat.ZERO_HASH, segment, unterminated);
	}

	/**
	 * Return the tail after a line was appended.
	 * @param line the sealed line that was appended
	 * @return the chain fields of the line after it
	 */
	ChainTail after(String line) {
		return new ChainTail(this.nextSeq + 1, line.substring(line.length() - 66, line.length() - 2), null, false);
	}

}
