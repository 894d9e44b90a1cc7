package dev.llmtracing.autoconfigure.chat;

import java.util.Map;

import dev.llmtracing.advisor.LlmTracingParams;
import dev.llmtracing.context.TracingIds;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationContext;
import org.springframework.ai.chat.memory.ChatMemory;

/**
 * Finds the {@link ClientFacts} of a model call made by a {@code ChatClient}: the model
 * observation's nearest parent is the observation of the innermost advisor, whose request
 * carries the advisor parameters after every advisor has run. When no advisor parameter
 * holds the caller's IDs (a stream without the {@link TracingAdvisor}), they are the ones
 * {@link ChatClientIdsHandler} noted on an observation further up.
 *
 * @author llm-tracing
 */
final class AdvisorClientFactsResolver implements ClientFactsResolver {

	private static final int MAX_DEPTH = 32;

	@Override
	public ClientFacts resolve(Observation.Context context) {
		ObservationView parent = context.getParentObservation();
		for (int depth = 0; parent != null && depth < MAX_DEPTH; depth++) {
			if (parent.getContextView() instanceof AdvisorObservationContext advisorContext) {
				ClientFacts facts = from(advisorContext.getChatClientRequest().context());
				return (facts.ids() != null) ? facts : withIdsAbove(facts, advisorContext, depth);
			}
			parent = parent.getContextView().getParentObservation();
		}
		return ClientFacts.NONE;
	}

	private static ClientFacts withIdsAbove(ClientFacts facts, Observation.ContextView advisorContext, int depth) {
		ObservationView parent = advisorContext.getParentObservation();
		for (int above = depth + 1; parent != null && above < MAX_DEPTH; above++) {
			TracingIds ids = parent.getContextView().get(TracingIds.class);
			if (ids != null) {
				return new ClientFacts(ids, facts.conversationId(), facts.promptName(), facts.promptVersion(),
						facts.firstChunkTimer());
			}
			parent = parent.getContextView().getParentObservation();
		}
		return facts;
	}

	private static ClientFacts from(Map<String, @Nullable Object> params) {
		TracingIds ids = (params.get(LlmTracingParams.IDS) instanceof TracingIds value) ? value : null;
		FirstChunkTimer timer = (params.get(LlmTracingParams.FIRST_CHUNK_TIMER) instanceof FirstChunkTimer value)
				? value : null;
		return new ClientFacts(ids, string(params.get(ChatMemory.CONVERSATION_ID)),
				string(params.get(LlmTracingParams.PROMPT_NAME)), string(params.get(LlmTracingParams.PROMPT_VERSION)),
				timer);
	}

	private static @Nullable String string(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

}
