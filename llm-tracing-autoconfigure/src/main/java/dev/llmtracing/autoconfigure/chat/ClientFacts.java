package dev.llmtracing.autoconfigure.chat;

import dev.llmtracing.context.TracingIds;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code ChatClient} knows about a model call and the model does not: the IDs of
 * the caller (captured on the caller's thread), the chat memory conversation and the
 * prompt template.
 *
 * @param ids the caller's IDs, or {@code null} if they were not captured
 * @param conversationId the chat memory conversation ID
 * @param promptName the name of the prompt template
 * @param promptVersion the version of the prompt template
 * @param firstChunkTimer notes the first chunk of a stream, or {@code null}
 * @author llm-tracing
 */
record ClientFacts(@Nullable TracingIds ids, @Nullable String conversationId, @Nullable String promptName,
		@Nullable String promptVersion, @Nullable FirstChunkTimer firstChunkTimer) {

	/**
	 * No facts at all, for a model called directly.
	 */
	public static final ClientFacts NONE = new ClientFacts(null, null, null, null, null);

}
