package dev.llmtracing.autoconfigure.propagation;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.llmtracing.context.RandomIds;
import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.core.Ordered;

/**
 * The innermost stream advisor: it gives each streaming model call through an OpenAI
 * model a fresh link marker, as a custom header of the prompt's options, so that
 * {@link StreamSpanLinkHandler} can put the call's HTTP span under its model span. It
 * runs after every other advisor, including the tool-calling advisor, so each
 * tool-calling round gets its own marker and other advisors never see it. Prompts whose
 * options are not exactly {@link OpenAiChatOptions}, or that the options builder would
 * not copy exactly, pass unchanged. The request context is passed on as is.
 *
 * @author llm-tracing
 */
final class StreamLinkAdvisor implements StreamAdvisor {

	/**
	 * The advisor order: just before Spring AI's terminal stream advisor.
	 */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1;

	private final InstrumentationFailures failures;

	/**
	 * Create an advisor.
	 * @param failures counts failures of the advisor
	 */
	StreamLinkAdvisor(InstrumentationFailures failures) {
		this.failures = failures;
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return chain.nextStream(withMarker(request));
	}

	private ChatClientRequest withMarker(ChatClientRequest request) {
		try {
			if (request.prompt().getOptions() instanceof OpenAiChatOptions options && isCopiedExactly(options)) {
				Map<String, String> headers = new LinkedHashMap<>();
				if (options.getCustomHeaders() != null) {
					headers.putAll(options.getCustomHeaders());
				}
				headers.put(StreamLinkHeader.NAME, RandomIds.next());
				Prompt prompt = request.prompt()
					.mutate()
					.chatOptions(options.mutate().customHeaders(headers).build())
					.build();
				return new ChatClientRequest(prompt, request.context());
			}
		}
		catch (RuntimeException ex) {
			this.failures.record(InstrumentedComponent.STREAM_LINK, ex);
		}
		return request;
	}

	/**
	 * Whether {@link OpenAiChatOptions#mutate()} copies the options exactly. It does not
	 * for subclasses, nor when both {@code maxTokens} and {@code maxCompletionTokens} are
	 * set (which {@code ChatClient} can produce when merging options): its builder then
	 * drops {@code maxTokens}, which would change the request sent to the model.
	 */
	private static boolean isCopiedExactly(OpenAiChatOptions options) {
		return options.getClass() == OpenAiChatOptions.class
				&& (options.getMaxTokens() == null || options.getMaxCompletionTokens() == null);
	}

	@Override
	public String getName() {
		return "llm-tracing-stream-link";
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
