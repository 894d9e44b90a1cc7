package dev.llmtracing.standin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the stand-in model answers to one request. The answer is deterministic: it echoes
 * the last user message. Directives in that message change the answer:
 * <ul>
 * <li>{@code [delay:300]} waits 300 ms before answering;</li>
 * <li>{@code [error:500]} answers with HTTP status 500 (any status from 400 to 599); a
 * 429 or 503 answer carries a {@code Retry-After} header of {@code [retry-after:N]}
 * seconds (1 if not given);</li>
 * <li>{@code [malformed]} answers with a body that is not valid JSON, or, in a stream, a
 * chunk that is not;</li>
 * <li>{@code [cut]} closes the connection in the middle of the body, or, in a stream, in
 * the middle of the chunk after the first word, without ending the response;</li>
 * <li>{@code [stream-error]} sends, in a stream, an event with an {@code error} object
 * after the first word, and no more;</li>
 * <li>{@code [chunk-delay:200]} waits 200 ms between streamed chunks, a slow stream;</li>
 * <li>{@code [after-tool]} applies the error, malformed, cut and stream-error directives
 * only to a request that ends with a tool result: the second round of a tool-calling loop
 * fails, the first succeeds;</li>
 * <li>{@code [length]} ends with finish reason {@code length};</li>
 * <li>{@code [no-usage]} reports no token usage: no {@code usage} object in a response,
 * no usage chunk in a stream, as many OpenAI-compatible servers do;</li>
 * <li>{@code [refuse]} answers with a refusal ("I'm sorry, but I can't help with
 * that.");</li>
 * <li>{@code [empty]} answers with no text at all;</li>
 * <li>{@code [random]} ends the answer with a random number, so that the same prompt gets
 * a different answer each time;</li>
 * <li>{@code [content-filter]} ends with finish reason {@code content_filter};</li>
 * <li>{@code [not-json]} answers in plain text even when the message asks for JSON, so
 * that structured output fails to convert.</li>
 * </ul>
 * When the request offers tools and the last message is the user's, the answer calls the
 * first tool (see {@link ToolCall} for its arguments); once a tool result follows, the
 * answer quotes it. When the request carries a history (more than one user message), the
 * answer says how many messages it received and quotes the first user message, so that a
 * chat memory shows in the answer. A model whose name contains {@code large} answers in
 * other words, so that comparing models shows a difference. When the user message asks
 * for JSON following a JSON Schema, as Spring AI's structured output does, the answer is
 * an instance of that schema.
 *
 * @param id the completion ID
 * @param model the model named in the request
 * @param content the answer text, or {@code null} when calling a tool
 * @param toolCall the tool to call, or {@code null}
 * @param finishReason the finish reason
 * @param promptTokens the number of prompt tokens reported
 * @param completionTokens the number of completion tokens reported
 * @param delay the delay asked for
 * @param errorStatus the HTTP error status asked for, or 0
 * @author llm-tracing
 */
public record StandInReply(String id, String model, @Nullable String content, @Nullable ToolCall toolCall,
		String finishReason, int promptTokens, int completionTokens, Duration delay, int errorStatus) {

	private static final AtomicLong ids = new AtomicLong();

	private static final int MAX_ECHO = 200;

	private static final int MAX_QUOTE = 60;

	/**
	 * Work out the reply to a chat completion request.
	 * @param request the request body
	 * @return the reply
	 */
	public static StandInReply of(JsonNode request) {
		String model = request.path("model").asString("stand-in");
		JsonNode messages = request.path("messages");
		JsonNode last = messages.isArray() && !messages.isEmpty() ? messages.get(messages.size() - 1) : null;
		String lastRole = (last != null) ? last.path("role").asString("") : "";
		String lastText = (last != null) ? text(last.path("content")) : "";
		String userText = lastUserText(messages);
		int promptTokens = 0;
		for (JsonNode message : messages) {
			promptTokens += 3 + words(text(message.path("content")));
		}
		String id = "chatcmpl-standin-" + ids.incrementAndGet();
		Duration delay = Duration.ofMillis(Directives.number(userText, "delay", 0));
		int errorStatus = Directives.number(userText, "error", 0);
		if (errorStatus < 400 || errorStatus > 599 || !Fault.appliesTo(userText, "tool".equals(lastRole))) {
			errorStatus = 0;
		}
		JsonNode tools = request.path("tools");
		if (tools.isArray() && !tools.isEmpty() && "user".equals(lastRole)) {
			ToolCall call = ToolCall.forTool(tools.get(0).path("function"), Directives.strip(userText), id);
			return new StandInReply(id, model, null, call, "tool_calls", promptTokens, 10, delay, errorStatus);
		}
		String json = ("user".equals(lastRole) && !Directives.has(userText, "not-json")) ? JsonAnswer.of(userText)
				: null;
		if (json != null) {
			return new StandInReply(id, model, json, null, "stop", promptTokens, words(json), delay, errorStatus);
		}
		String voice = model.contains("large") ? "Stand-in large reply to: " : "Stand-in reply to: ";
		String content = "tool".equals(lastRole) ? "Stand-in answer from the tool result: " + clip(lastText)
				: voice + clip(Directives.strip(userText)) + history(messages);
		content = quality(userText, content);
		String finishReason = Directives.has(userText, "length") ? "length"
				: Directives.has(userText, "content-filter") ? "content_filter" : "stop";
		return new StandInReply(id, model, content, null, finishReason, promptTokens, words(content), delay,
				errorStatus);
	}

	private static String quality(String userText, String content) {
		if (Directives.has(userText, "refuse")) {
			return "I'm sorry, but I can't help with that.";
		}
		if (Directives.has(userText, "empty")) {
			return "";
		}
		if (Directives.has(userText, "random")) {
			return content + " #" + ThreadLocalRandom.current().nextInt(1_000_000_000);
		}
		return content;
	}

	/**
	 * Return whether a chat completion request asks for an answer without token usage.
	 * @param request the request body
	 * @return {@code true} if the last user message has the {@code [no-usage]} directive
	 */
	public static boolean omitsUsage(JsonNode request) {
		return Directives.has(lastUserText(request.path("messages")), "no-usage");
	}

	/**
	 * Return the body of a non-streaming response.
	 * @return the {@code chat.completion} object
	 */
	public Map<String, Object> completion() {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("role", "assistant");
		message.put("content", this.content);
		if (this.toolCall != null) {
			message.put("tool_calls", List.of(this.toolCall.toMap(false)));
		}
		Map<String, Object> choice = new LinkedHashMap<>();
		choice.put("index", 0);
		choice.put("message", message);
		choice.put("finish_reason", this.finishReason);
		Map<String, Object> body = envelope("chat.completion");
		body.put("choices", List.of(choice));
		body.put("usage", usage());
		return body;
	}

	/**
	 * Return the chunks of a streaming response, without the closing {@code [DONE]}.
	 * @param includeUsage whether to end with a usage chunk that has no choices
	 * @return the {@code chat.completion.chunk} objects
	 */
	public List<Map<String, Object>> chunks(boolean includeUsage) {
		List<Map<String, Object>> chunks = new ArrayList<>();
		chunks.add(chunk(Map.of("role", "assistant", "content", ""), null));
		if (this.toolCall != null) {
			chunks.add(chunk(Map.of("tool_calls", List.of(this.toolCall.toMap(true))), null));
		}
		else if (this.content != null) {
			String[] words = this.content.split(" ");
			for (int i = 0; i < words.length; i++) {
				chunks.add(chunk(Map.of("content", (i > 0 ? " " : "") + words[i]), null));
			}
		}
		chunks.add(chunk(Map.of(), this.finishReason));
		if (includeUsage) {
			Map<String, Object> usageChunk = envelope("chat.completion.chunk");
			usageChunk.put("choices", List.of());
			usageChunk.put("usage", usage());
			chunks.add(usageChunk);
		}
		return chunks;
	}

	private Map<String, Object> chunk(Map<String, Object> delta, @Nullable String finishReason) {
		Map<String, Object> choice = new LinkedHashMap<>();
		choice.put("index", 0);
		choice.put("delta", delta);
		choice.put("finish_reason", finishReason);
		Map<String, Object> chunk = envelope("chat.completion.chunk");
		chunk.put("choices", List.of(choice));
		return chunk;
	}

	private Map<String, Object> envelope(String object) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", this.id);
		body.put("object", object);
		body.put("created", System.currentTimeMillis() / 1000);
		body.put("model", this.model);
		return body;
	}

	private Map<String, Object> usage() {
		return Map.of("prompt_tokens", this.promptTokens, "completion_tokens", this.completionTokens, "total_tokens",
				this.promptTokens + this.completionTokens);
	}

	private static String history(JsonNode messages) {
		String first = null;
		int userMessages = 0;
		for (JsonNode message : messages) {
			if ("user".equals(message.path("role").asString(""))) {
				userMessages++;
				first = (first != null) ? first : text(message.path("content"));
			}
		}
		if (userMessages < 2) {
			return "";
		}
		return " (" + messages.size() + " messages in context; the first from the user: \""
				+ clip(Directives.strip(first), MAX_QUOTE) + "\")";
	}

	static boolean endsWithToolResult(JsonNode messages) {
		return messages.isArray() && !messages.isEmpty()
				&& "tool".equals(messages.get(messages.size() - 1).path("role").asString(""));
	}

	static String lastUserText(JsonNode messages) {
		for (int i = messages.size() - 1; i >= 0; i--) {
			if ("user".equals(messages.get(i).path("role").asString(""))) {
				return text(messages.get(i).path("content"));
			}
		}
		return "";
	}

	private static String text(JsonNode content) {
		if (content.isString()) {
			return content.asString();
		}
		StringBuilder text = new StringBuilder();
		if (content.isArray()) {
			for (JsonNode part : content) {
				text.append(part.path("text").asString(""));
			}
		}
		return text.toString();
	}

	private static String clip(String text) {
		return clip(text, MAX_ECHO);
	}

	private static String clip(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max) + "...";
	}

	static int words(String text) {
		int count = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			boolean space = Character.isWhitespace(text.charAt(i));
			if (!space && !inWord) {
				count++;
			}
			inWord = !space;
		}
		return count;
	}

}
