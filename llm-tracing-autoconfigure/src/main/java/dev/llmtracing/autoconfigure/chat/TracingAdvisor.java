package dev.llmtracing.autoconfigure.chat;

import java.util.HashMap;
import java.util.Map;

import dev.llmtracing.advisor.LlmTracingParams;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.core.Ordered;

/**
 * The outermost {@code ChatClient} advisor: it captures the caller's IDs on the caller's
 * thread and passes them down as the {@link LlmTracingParams#IDS} advisor parameter, so
 * that the model call's record has them even when later advisors or the model move the
 * work to other threads (as streams do). It never changes the prompt, the response or an
 * error.
 * <p>
 * On a stream it also notes the first chunk, for the time to first chunk of each model
 * call, and when the stream ends. That costs a stream more than the advisor's own work:
 * Spring AI wraps every stream advisor in an observation (a span and timers), three
 * operators and a message aggregator. When nothing reads exchange records, the advisor
 * takes no part at all (on a call it would only hand the IDs down, at the cost of one
 * more link in every call's advisor chain and a copy of each request), and
 * {@link ChatClientIdsHandler} gives the model calls their IDs.
 *
 * @author llm-tracing
 */
final class TracingAdvisor implements CallAdvisor, StreamAdvisor {

	/**
	 * The name of the advisor.
	 */
	static final String NAME = "llm-tracing";

	private final IdScopes idScopes;

	private final InstrumentationFailures failures;

	/**
	 * Create an advisor.
	 * @param idScopes reads the caller's IDs
	 * @param failures counts failures of the advisor
	 */
	TracingAdvisor(IdScopes idScopes, InstrumentationFailures failures) {
		this.idScopes = idScopes;
		this.failures = failures;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		return chain.nextCall(withParams(request, null));
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		FirstChunkTimer timer = new FirstChunkTimer();
		return chain.nextStream(withParams(request, timer))
			.doOnNext((response) -> onChunk(response, timer))
			.doFinally((signal) -> close(timer));
	}

	private void onChunk(ChatClientResponse response, FirstChunkTimer timer) {
		try {
			timer.onChunk(response.chatResponse());
		}
		catch (RuntimeException ex) {
			this.failures.record(InstrumentedComponent.ADVISOR, ex);
		}
	}

	private void close(FirstChunkTimer timer) {
		try {
			timer.close();
		}
		catch (RuntimeException ex) {
			this.failures.record(InstrumentedComponent.ADVISOR, ex);
		}
	}

	private ChatClientRequest withParams(ChatClientRequest request, @Nullable FirstChunkTimer timer) {
		try {
			TracingIds ids = this.idScopes.current();
			boolean addIds = !ids.isEmpty() && !request.context().containsKey(LlmTracingParams.IDS);
			if (!addIds && timer == null) {
				return request;
			}
			Map<String, @Nullable Object> context = new HashMap<>(request.context());
			if (addIds) {
				context.put(LlmTracingParams.IDS, ids);
			}
			if (timer != null) {
				context.put(LlmTracingParams.FIRST_CHUNK_TIMER, timer);
			}
			return new ChatClientRequest(request.prompt(), context);
		}
		catch (RuntimeException ex) {
			this.failures.record(InstrumentedComponent.ADVISOR, ex);
			return request;
		}
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
