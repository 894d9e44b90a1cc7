package dev.llmtracing.audit;

import java.nio.file.Path;

import dev.llmtracing.context.MdcKeys;

import org.springframework.util.Assert;

/**
 * Where and how an {@link AuditTrailWriter} writes.
 *
 * @param file the current audit file, such as {@code logs/llm-audit.jsonl}; rolled files
 * sit next to it as {@code <name>.1} (the newest), {@code <name>.2} and so on
 * @param maxFileSizeBytes the size the current file must not exceed: a line that would
 * make it bigger rolls the file first (a single line bigger than this is still written)
 * @param maxHistory how many rolled files to keep; older ones are deleted
 * @param keys the field names of the request, context and user IDs
 * @author llm-tracing
 */
public record AuditTrailSettings(Path file, long maxFileSizeBytes, int maxHistory, MdcKeys keys) {

	public AuditTrailSettings {
		Assert.notNull(file, "'file' must not be null");
		Assert.isTrue(maxFileSizeBytes > 0, "'maxFileSizeBytes' must be positive");
		Assert.isTrue(maxHistory >= 0, "'maxHistory' must not be negative");
		Assert.notNull(keys, "'keys' must not be null");
	}

}
