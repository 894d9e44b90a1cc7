package dev.llmtracing.replay;

import java.util.List;
import java.util.Map;

import dev.llmtracing.content.ContentDigests;
import dev.llmtracing.record.ExchangeFields;

/**
 * Checks whether a supplied prompt is the one a record in {@code digest} mode proves: the
 * SHA-256 over the UTF-8 bytes of the texts in order, each followed by one NUL byte.
 *
 * @author llm-tracing
 */
final class DigestCheck {

	private DigestCheck() {
	}

	/**
	 * Return whether the texts match the digest of one group of the record.
	 * @param record the fields of the record
	 * @param group {@code system}, {@code user} or {@code completion}
	 * @param texts the texts of that group, in order
	 * @return {@code true} if they match
	 * @throws ReplayException if the record has no digest
	 */
	static boolean matches(Map<String, Object> record, String group, List<String> texts) {
		Object digest = record.get(ExchangeFields.CONTENT_DIGEST);
		if (!(digest instanceof Map<?, ?> groups) || !(groups.get(group) instanceof Map<?, ?> entry)) {
			throw new ReplayException("Exchange " + record.get(ExchangeFields.EXCHANGE_ID) + " has no '" + group
					+ "' digest: it was not recorded with llm.tracing.content.mode=digest");
		}
		return ContentDigests.matches(entry, texts);
	}

}
