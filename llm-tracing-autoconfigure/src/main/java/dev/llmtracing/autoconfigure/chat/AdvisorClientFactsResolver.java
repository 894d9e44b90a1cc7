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
		ClientFacts facts = null;
		ObservationView parent = context.getParentObservation();
		for (int depth = 0; parent != null && depth < MAX_DEPTH; depth++) {
			Observation.ContextView view = parent.getContextView();
			if (facts == null && view instanceof AdvisorObservationContext advisorContext) {
				facts = from(advisorContext.getChatClientRequest().context());
				if (facts.ids() != null) {
					return facts;
				}
			}
			else if (facts != null && view.get(TracingIds.class) instanceof TracingIds ids) {
				return new ClientFacts(ids, facts.conversationId(), facts.promptName(), facts.promptVersion(),
						facts.firstChunkTimer());
			}
			parent = view.getParentObservation();
		}
		return (facts != null) ? facts : ClientFacts.NONE;
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
