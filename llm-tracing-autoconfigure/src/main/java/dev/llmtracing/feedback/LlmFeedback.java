package dev.llmtracing.feedback;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import org.jspecify.annotations.Nullable;

/**
 * Records feedback on an exchange, or on the last exchange of a request: a record on the
 * feedback logger, the {@code llm.feedback} meters and, with tracing on, a
 * {@code gen_ai.evaluation.result} event in the rated exchange's trace. Inject it where
 * the application receives ratings:
 *
 * <pre class="code">
 * llmFeedback.submit(Feedback.onExchange(exchangeId, "thumbs").withValue(1));
 * </pre>
 *
 * Feedback is checked on the caller's thread ({@link InvalidFeedbackException} for bad
 * input); it is linked to its exchange and handed to the {@link FeedbackListener
 * listeners} on the exchange dispatcher's thread, after every exchange record queued
 * before it, so that feedback on an answer just given finds that answer.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class LlmFeedback {

	private final Consumer<Feedback> rules;

	private final IdScopes idScopes;

	private final Function<Feedback, @Nullable RatedExchange> index;

	private final ExchangeDispatcher dispatcher;

	private final List<FeedbackListener> listeners;

	private final Function<String, @Nullable String> comments;

	private final InstrumentationFailures failures;

	/**
	 * Create an instance.
	 * @param rules checks what feedback must be, throwing
	 * {@link InvalidFeedbackException} for feedback that breaks a rule
	 * @param idScopes gives the IDs of who gives the feedback
	 * @param index finds the rated exchange among the recent exchanges, or returns
	 * {@code null} when it is not there
	 * @param dispatcher runs the listeners off the caller's thread
	 * @param listeners the listeners of recorded feedback
	 * @param comments masks and caps a comment, or returns {@code null} to keep none
	 * @param failures counts exceptions thrown by listeners
	 */
	public LlmFeedback(Consumer<Feedback> rules, IdScopes idScopes, Function<Feedback, @Nullable RatedExchange> index,
			ExchangeDispatcher dispatcher, List<FeedbackListener> listeners,
			Function<String, @Nullable String> comments, InstrumentationFailures failures) {
		this.rules = rules;
		this.idScopes = idScopes;
		this.index = index;
		this.dispatcher = dispatcher;
		this.listeners = List.copyOf(listeners);
		this.comments = comments;
		this.failures = failures;
	}

	/**
	 * Record feedback. Never blocks: the record is written on the dispatcher's thread.
	 * @param feedback the feedback
	 * @return {@code true} if it was queued, {@code false} if the queue was full and it
	 * was dropped (and counted)
	 * @throws InvalidFeedbackException if the feedback breaks a rule
	 */
	public boolean submit(Feedback feedback) {
		this.rules.accept(feedback);
		TracingIds giver = this.idScopes.current();
		Instant time = Instant.now();
		return this.dispatcher.execute(() -> tell(link(feedback, giver, time)));
	}

	private FeedbackRecord link(Feedback feedback, TracingIds giver, Instant time) {
		RatedExchange exchange = this.index.apply(feedback);
		String exchangeId = (exchange != null) ? exchange.exchangeId() : feedback.exchangeId();
		String requestId = (feedback.requestId() != null) ? feedback.requestId()
				: (exchange != null) ? exchange.requestId() : null;
		String comment = (feedback.comment() != null && !feedback.comment().isEmpty())
				? this.comments.apply(feedback.comment()) : null;
		return new FeedbackRecord(exchangeId, requestId, giver.contextId(), giver.userId(), feedback.name(),
				feedback.value(), feedback.label(), comment, exchange, time);
	}

	private void tell(FeedbackRecord record) {
		for (FeedbackListener listener : this.listeners) {
			try {
				listener.onFeedback(record);
			}
			catch (RuntimeException ex) {
				this.failures.record(InstrumentedComponent.FEEDBACK, ex);
			}
		}
	}

}
