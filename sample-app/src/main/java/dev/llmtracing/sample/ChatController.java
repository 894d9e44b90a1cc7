package dev.llmtracing.sample;

import dev.llmtracing.advisor.LlmTracingParams;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.TracingIds;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample's chat endpoints. Each takes the user's message as the plain-text body.
 *
 * @author llm-tracing
 */
@RestController
class ChatController {

	private final ChatClient chatClient;

	private final ChatClient conversationClient;

	private final ChatModel chatModel;

	private final WeatherTools weatherTools;

	private final IdScopes idScopes;

	ChatController(ChatClient chatClient, @Qualifier("conversationClient") ChatClient conversationClient,
			ChatModel chatModel, WeatherTools weatherTools, IdScopes idScopes) {
		this.chatClient = chatClient;
		this.conversationClient = conversationClient;
		this.chatModel = chatModel;
		this.weatherTools = weatherTools;
		this.idScopes = idScopes;
	}

	/**
	 * A single call through the {@code ChatClient}, tagged with a prompt name and
	 * version.
	 * @param message the user's message
	 * @return the answer
	 */
	@PostMapping(path = "/chat", consumes = MediaType.ALL_VALUE)
	String chat(@RequestBody String message) {
		return this.chatClient.prompt()
			.user(message)
			.advisors((advisor) -> advisor.param(LlmTracingParams.PROMPT_NAME, "sample-chat")
				.param(LlmTracingParams.PROMPT_VERSION, "v1"))
			.call()
			.content();
	}

	/**
	 * A streamed answer, sent as server-sent events, one a chunk, that a standard
	 * {@code EventSource} joins back into the answer exactly.
	 * @param message the user's message
	 * @return the answer's chunks
	 */
	@PostMapping(path = "/chat/stream", consumes = MediaType.ALL_VALUE, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<String> stream(@RequestBody String message) {
		return this.chatClient.prompt().user(message).stream().content().map(EventStreamText::data);
	}

	/**
	 * A multi-step conversation: the chat memory keeps the history under the request's
	 * context ID ({@code X-Context-Id}). A request without one gets a conversation of its
	 * own (its request ID), so that no two callers share a history.
	 * @param message the user's message
	 * @return the answer
	 */
	@PostMapping(path = "/conversation", consumes = MediaType.ALL_VALUE)
	String conversation(@RequestBody String message) {
		TracingIds ids = this.idScopes.current();
		String conversationId = (ids.contextId() != null) ? ids.contextId() : ids.requestId();
		return this.conversationClient.prompt()
			.user(message)
			.advisors((advisor) -> advisor.param(ChatMemory.CONVERSATION_ID, conversationId))
			.call()
			.content();
	}

	/**
	 * A question the model answers by calling the weather tool: two model rounds.
	 * @param message the user's message
	 * @return the answer
	 */
	@PostMapping(path = "/tools", consumes = MediaType.ALL_VALUE)
	String tools(@RequestBody String message) {
		return this.chatClient.prompt().user(message).tools(this.weatherTools).call().content();
	}

	/**
	 * A direct {@code ChatModel} call, without {@code ChatClient}.
	 * @param message the user's message
	 * @return the answer
	 */
	@PostMapping(path = "/direct", consumes = MediaType.ALL_VALUE)
	String direct(@RequestBody String message) {
		return this.chatModel.call(new Prompt(message)).getResult().getOutput().getText();
	}

}
