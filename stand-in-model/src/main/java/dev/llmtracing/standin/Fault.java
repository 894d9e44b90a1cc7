package dev.llmtracing.standin;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

/**
 * How the stand-in model fails one answer, beyond an error status, as the directives of
 * the last user message ask (see {@link StandInReply}).
 *
 * @param retryAfterSeconds the {@code Retry-After} header sent with a 429 or 503 answer
 * @param malformed whether the body (or a streamed chunk) is not valid JSON
 * @param cut whether the connection is closed in the middle of the body (or of a chunk)
 * @param streamError whether a stream sends an {@code error} event instead of its end
 * @param chunkDelay the time between streamed chunks
 * @author llm-tracing
 */
record Fault(int retryAfterSeconds, boolean malformed, boolean cut, boolean streamError, Duration chunkDelay) {

	static final int DEFAULT_RETRY_AFTER_SECONDS = 1;

	/**
	 * Read the fault asked for by the last user message of a request.
	 * @param request the request body
	 * @param serverChunkDelay the time between chunks when no directive says otherwise
	 * @return the fault, with every flag off when the message asks for faults after a
	 * tool result only ({@code [after-tool]}) and this request does not end with one
	 */
	static Fault of(JsonNode request, Duration serverChunkDelay) {
		JsonNode messages = request.path("messages");
		String userText = StandInReply.lastUserText(messages);
		boolean afterTool = StandInReply.endsWithToolResult(messages);
		Duration chunkDelay = Duration.ofMillis(Directives.number(userText, "chunk-delay", -1));
		chunkDelay = chunkDelay.isNegative() ? serverChunkDelay : chunkDelay;
		if (!appliesTo(userText, afterTool)) {
			return new Fault(DEFAULT_RETRY_AFTER_SECONDS, false, false, false, chunkDelay);
		}
		return new Fault(Directives.number(userText, "retry-after", DEFAULT_RETRY_AFTER_SECONDS),
				Directives.has(userText, "malformed"), Directives.has(userText, "cut"),
				Directives.has(userText, "stream-error"), chunkDelay);
	}

	/**
	 * Return whether the faults of a message apply to a request.
	 * @param userText the last user message
	 * @param afterTool whether the request ends with a tool result
	 * @return {@code true} unless the message says {@code [after-tool]} and the request
	 * does not end with a tool result
	 */
	static boolean appliesTo(String userText, boolean afterTool) {
		return afterTool || !Directives.has(userText, "after-tool");
	}

}
