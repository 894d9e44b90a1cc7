package dev.llmtracing.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The format of the audit trail that {@link AuditTrailWriter} writes, for the tools that
 * read it (the verifier of {@code llm-tracing-tools}): the names of the chain fields and
 * segments, the hash that seals a line, and the files of a trail.
 * <p>
 * Each line is one JSON object that ends with the members {@value #SEQ}, {@value #PREV}
 * and {@value #HASH}, in that order, with an optional {@value #SEGMENT} right before
 * them. The hash is the SHA-256 (64 lower-case hex digits) of the UTF-8 bytes of the line
 * without its final <code>,"audit.hash":"&lt;hex&gt;"</code>, that is up to and including
 * {@value #PREV}, closed with <code>}</code>: it covers the exact bytes, so a reader must
 * hash the line as it is in the file, never a re-serialized copy.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class AuditTrailFormat {

	/**
	 * The field that marks the first line of a segment, with {@value #START} or
	 * {@value #RESTART_AFTER_BROKEN_LINE}.
	 */
	public static final String SEGMENT = "audit.segment";

	/**
	 * The field with the 1-based sequence number of a line, continuing across rolled
	 * files and restarts.
	 */
	public static final String SEQ = "audit.seq";

	/**
	 * The field with the hash of the line before, or {@link #ZERO_HASH} at the start of a
	 * segment.
	 */
	public static final String PREV = "audit.prev";

	/**
	 * The field with the hash of the line itself, always last.
	 */
	public static final String HASH = "audit.hash";

	/**
	 * The segment that starts a new trail.
	 */
	public static final String START = "start";

	/**
	 * The segment that a writer starts after a broken last line: cut off by a crash, or
	 * edited.
	 */
	public static final String RESTART_AFTER_BROKEN_LINE = "restart-after-broken-line";

	/**
	 * The {@value #PREV} of the first line of a segment: 64 zeros.
	 */
	public static final String ZERO_HASH = "0".repeat(64);

	static final String HASH_MEMBER = ",\"" + HASH + "\":\"";

	private AuditTrailFormat() {
	}

	/**
	 * Return the hash that seals a line: the SHA-256 of its exact text without its final
	 * {@value #HASH} member, closed with <code>}</code>. The line is intact when this is
	 * the hash it claims.
	 * @param line the text of the line, without its line break
	 * @return the hash, as 64 lower-case hex digits, or {@code null} when the line does
	 * not end with a {@value #HASH} member of 64 characters
	 */
	public static @Nullable String sealOf(String line) {
		int hashAt = line.length() - HASH_MEMBER.length() - 66;
		if (hashAt < 1 || !line.endsWith("\"}") || !line.startsWith(HASH_MEMBER, hashAt)) {
			return null;
		}
		return AuditLine.hash(line.substring(0, hashAt) + "}");
	}

	/**
	 * Return the files of an audit trail that exist: the rolled files {@code <name>.N},
	 * oldest (highest {@code N}) first, then the current file.
	 * @param file the current audit file
	 * @return the files of the trail, oldest first
	 * @throws IOException if the directory cannot be listed
	 */
	public static List<Path> files(Path file) throws IOException {
		List<Path> files = new ArrayList<>(RolledFiles.oldestFirst(file));
		if (Files.isRegularFile(file)) {
			files.add(file);
		}
		return files;
	}

}
