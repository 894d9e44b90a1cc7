package dev.llmtracing.autoconfigure.chat;

import dev.llmtracing.advisor.LlmTracingParams;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;

/**
 * Notes the caller's IDs on the observation of a {@code ChatClient} call or stream when
 * it starts, on the caller's thread (for a stream, the one that subscribes), so that each
 * model call finds them above its own observation, also a tool-calling round that runs on
 * another thread. This is what the {@link TracingAdvisor} does through an advisor
 * parameter; when nothing reads exchange records, the advisor takes part in neither calls
 * nor streams, and this handler is where the IDs come from. IDs an application passed as
 * the {@link LlmTracingParams#IDS} parameter itself win, as they do with the advisor.
 *
 * @author llm-tracing
 */
final class ChatClientIdsHandler implements ObservationHandler<ChatClientObservationContext> {

	private final IdScopes idScopes;

	private final InstrumentationFailures failures;

	private final boolean notesCalls;

	/**
	 * Create a handler.
	 * @param idScopes reads the caller's IDs
	 * @param failures counts failures of the handler
	 * @param notesCalls whether to note the IDs of calls too, not only of streams: when
	 * the advisor does not take part in calls
	 */
	ChatClientIdsHandler(IdScopes idScopes, InstrumentationFailures failures, boolean notesCalls) {
		this.idScopes = idScopes;
		this.failures = failures;
		this.notesCalls = notesCalls;
	}

	@Override
	public void onStart(ChatClientObservationContext context) {
		try {
			if ((this.notesCalls || context.isStream())
					&& !context.getRequest().context().containsKey(LlmTracingParams.IDS)) {
				TracingIds ids = this.idScopes.current();
				if (!ids.isEmpty()) {
					context.put(TracingIds.class, ids);
				}
			}
		}
		catch (RuntimeException ex) {
			this.failures.record(InstrumentedComponent.ADVISOR, ex);
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatClientObservationContext;
	}

}
