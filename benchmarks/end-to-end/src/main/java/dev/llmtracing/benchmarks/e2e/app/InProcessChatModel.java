package dev.llmtracing.benchmarks.e2e.app;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.AssistantMessage.ToolCall;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.observation.conventions.AiProvider;

/**
 * A chat model that answers at once, in the process, observed the way Spring AI's own
 * models are ({@code OpenAiChatModel} in 2.0.1): one {@code CHAT_MODEL_OPERATION}
 * observation per call with the default convention, the stream's observation stopped when
 * the stream ends and its aggregated response set on the context. Load on it measures
 * instrumentation, not a network or a model.
 *
 * <p>
 * A prompt with tool callbacks and no tool result yet gets a call of its first tool;
 * Spring AI's tool calling advisor runs the tool and calls again, as with a real model.
 *
 * @author llm-tracing
 */
final class InProcessChatModel implements ChatModel {

	static final String MODEL = "in-process-model";

	private static final ChatModelObservationConvention DEFAULT_CONVENTION = new DefaultChatModelObservationConvention();

	private final ObservationRegistry observationRegistry;

	private final String shortAnswer;

	private final String longAnswer;

	private final AtomicLong ids = new AtomicLong();

	InProcessChatModel(ObservationRegistry observationRegistry, String shortAnswer, String longAnswer) {
		this.observationRegistry = observationRegistry;
		this.shortAnswer = shortAnswer;
		this.longAnswer = longAnswer;
	}

	@Override
	public ChatOptions getOptions() {
		return ToolCallingChatOptions.builder().model(MODEL).temperature(0.2).build();
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(prompt)
			.provider(AiProvider.OPENAI.value())
			.build();
		return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
			.observation(null, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.observe(() -> {
				ChatResponse response = answer(prompt, completionFor(prompt));
				context.setResponse(response);
				return response;
			});
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.deferContextual((contextView) -> {
			ChatModelObservationContext context = ChatModelObservationContext.builder()
				.prompt(prompt)
				.provider(AiProvider.OPENAI.value())
				.streaming(true)
				.build();
			Observation observation = ChatModelObservationDocumentation.CHAT_MODEL_OPERATION.observation(null,
					DEFAULT_CONVENTION, () -> context, this.observationRegistry);
			Observation parent = contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			observation.parentObservation(parent);
			try (Observation.Scope ignored = (parent != null) ? parent.openScope() : Observation.Scope.NOOP) {
				observation.start();
			}
			String completion = completionFor(prompt);
			int half = completion.length() / 2;
			Flux<ChatResponse> chunks = Flux.just(chunk(completion.substring(0, half), null),
					answer(prompt, completion.substring(half)));
			Flux<ChatResponse> observed = chunks.doOnError(observation::error)
				.doFinally((signal) -> observation.stop())
				.contextWrite((ctx) -> ctx.put(ObservationThreadLocalAccessor.KEY, observation));
			return new MessageAggregator().aggregate(observed, context::setResponse);
		});
	}

	private String completionFor(Prompt prompt) {
		return (prompt.getContents().length() > 1000) ? this.longAnswer : this.shortAnswer;
	}

	private ChatResponse answer(Prompt prompt, String text) {
		if (wantsToolCall(prompt)) {
			String tool = ((ToolCallingChatOptions) prompt.getOptions()).getToolCallbacks()
				.get(0)
				.getToolDefinition()
				.name();
			ToolCall call = new ToolCall("call-" + this.ids.incrementAndGet(), "function", tool,
					"{\"city\":\"Paris\"}");
			return response(AssistantMessage.builder().content("").toolCalls(List.of(call)).build(), "TOOL_CALLS");
		}
		return response(new AssistantMessage(text), "STOP");
	}

	private ChatResponse chunk(String text, String finishReason) {
		Generation generation = new Generation(new AssistantMessage(text),
				ChatGenerationMetadata.builder().finishReason(finishReason).build());
		return new ChatResponse(List.of(generation), ChatResponseMetadata.builder().model(MODEL).build());
	}

	private ChatResponse response(AssistantMessage message, String finishReason) {
		Generation generation = new Generation(message,
				ChatGenerationMetadata.builder().finishReason(finishReason).build());
		ChatResponseMetadata metadata = ChatResponseMetadata.builder()
			.id("chatcmpl-" + this.ids.incrementAndGet())
			.model(MODEL)
			.usage(new DefaultUsage(42, 17))
			.build();
		return new ChatResponse(List.of(generation), metadata);
	}

	private static boolean wantsToolCall(Prompt prompt) {
		if (!(prompt.getOptions() instanceof ToolCallingChatOptions options) || options.getToolCallbacks() == null
				|| options.getToolCallbacks().isEmpty()) {
			return false;
		}
		List<Message> messages = prompt.getInstructions();
		return messages.isEmpty() || !(messages.get(messages.size() - 1) instanceof ToolResponseMessage);
	}

}
