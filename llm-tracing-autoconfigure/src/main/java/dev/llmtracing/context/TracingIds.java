package dev.llmtracing.context;

import org.jspecify.annotations.Nullable;

/**
 * The IDs that tie a model call to the inbound request, to a conversation (context) and
 * to a user. Each one may be absent.
 *
 * @param requestId the ID of the inbound request or unit of work
 * @param contextId the ID of the conversation or session that spans several requests
 * @param userId the ID of the user on whose behalf the work is done
 * @author llm-tracing
 * @since 0.1.0
 */
public record TracingIds(@Nullable String requestId, @Nullable String contextId, @Nullable String userId) {

	/**
	 * IDs with no value at all.
	 */
	public static final TracingIds NONE = new TracingIds(null, null, null);

	/**
	 * Return whether none of the IDs has a value.
	 * @return {@code true} if all IDs are absent
	 */
	public boolean isEmpty() {
		return this.requestId == null && this.contextId == null && this.userId == null;
	}

}
