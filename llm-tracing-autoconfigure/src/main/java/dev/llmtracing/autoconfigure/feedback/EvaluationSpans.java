package dev.llmtracing.autoconfigure.feedback;

import dev.llmtracing.feedback.FeedbackListener;
import dev.llmtracing.feedback.FeedbackRecord;
import dev.llmtracing.feedback.RatedExchange;
import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * Puts each feedback on a linked exchange into that exchange's trace, as the
 * OpenTelemetry GenAI conventions ask: a short span {@code evaluation {name}}, child of
 * (and linked to) the rated model call's span, with the {@code gen_ai.evaluation.result}
 * event and the attributes {@code gen_ai.evaluation.name},
 * {@code gen_ai.evaluation.score.value}, {@code gen_ai.evaluation.score.label} and
 * {@code gen_ai.response.id}. Micrometer Tracing's events carry no attributes, so the
 * attributes are the span's. Feedback whose exchange is not in the index, or had no
 * recorded span (tracing off or not sampled), gets no span.
 *
 * @author llm-tracing
 */
final class EvaluationSpans implements FeedbackListener {

	/**
	 * The name of the event on the evaluation span.
	 */
	public static final String EVENT = "gen_ai.evaluation.result";

	private final Tracer tracer;

	/**
	 * Create an instance.
	 * @param tracer the tracer
	 */
	public EvaluationSpans(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public void onFeedback(FeedbackRecord feedback) {
		RatedExchange exchange = feedback.exchange();
		if (exchange == null || exchange.traceId() == null || exchange.spanId() == null) {
			return;
		}
		TraceContext rated = this.tracer.traceContextBuilder()
			.traceId(exchange.traceId())
			.spanId(exchange.spanId())
			.sampled(true)
			.build();
		Span.Builder builder = this.tracer.spanBuilder()
			.setParent(rated)
			.addLink(new Link(rated))
			.name("evaluation " + feedback.name())
			.tag("gen_ai.operation.name", "evaluation")
			.tag(FeedbackRecordFields.NAME, feedback.name());
		if (feedback.value() != null) {
			builder.tag(FeedbackRecordFields.SCORE_VALUE, feedback.value());
		}
		if (feedback.label() != null) {
			builder.tag(FeedbackRecordFields.SCORE_LABEL, feedback.label());
		}
		if (exchange.responseId() != null) {
			builder.tag(FeedbackRecordFields.RESPONSE_ID, exchange.responseId());
		}
		Span span = builder.start();
		try {
			span.event(EVENT);
		}
		finally {
			span.end();
		}
	}

}
