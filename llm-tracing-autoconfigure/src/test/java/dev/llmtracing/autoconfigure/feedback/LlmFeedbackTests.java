package dev.llmtracing.autoconfigure.feedback;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.llmtracing.context.IdRejectionListener;
import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.feedback.Feedback;
import dev.llmtracing.feedback.FeedbackRecord;
import dev.llmtracing.feedback.InvalidFeedbackException;
import dev.llmtracing.feedback.LlmFeedback;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.record.TestRecords;
import dev.llmtracing.support.InstrumentationFailures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link LlmFeedback}, with the dispatcher and the index of recent exchanges
 * the application uses.
 *
 * @author llm-tracing
 */
class LlmFeedbackTests {

	private final List<FeedbackRecord> recorded = new CopyOnWriteArrayList<>();

	private final RecentExchanges index = new RecentExchanges(2);

	private final ExchangeDispatcher dispatcher = new ExchangeDispatcher(List.of(this.index), 100,
			Duration.ofSeconds(1), new InstrumentationFailures());

	private final IdScopes idScopes = new IdScopes(MdcKeys.DEFAULT, new IdValidator(64), IdRejectionListener.NONE);

	private final LlmFeedback feedback = new LlmFeedback(
			new FeedbackRules(new IdValidator(64), -1, 5, Set.of(), Set.of("up", "down"))::check, this.idScopes,
			this.index::findRated, this.dispatcher, List.of(this.recorded::add),
			(comment) -> "masked:" + comment.length(), new InstrumentationFailures());

	@AfterEach
	void close() {
		this.dispatcher.close();
	}

	@Test
	void shouldLinkFeedbackOnAnExchangeJustRecorded() {
		this.dispatcher.publish(TestRecords.complete());
		try (IdScope scope = this.idScopes.open("req-9", "ctx-9", "user-9")) {
			assertThat(this.feedback.submit(Feedback.onExchange("ex-1", "thumbs").withValue(1).withLabel("up")))
				.isTrue();
		}
		FeedbackRecord record = awaitOne();
		assertThat(record.linked()).isTrue();
		assertThat(record.exchangeId()).isEqualTo("ex-1");
		assertThat(record.requestId()).isEqualTo("req-1");
		assertThat(record.userId()).isEqualTo("user-9");
		assertThat(record.exchange().requestModel()).isEqualTo("gpt-4o-mini");
		assertThat(record.exchange().promptVersion()).isEqualTo("v3");
		assertThat(record.exchange().traceId()).isEqualTo("trace-1");
	}

	@Test
	void shouldLinkFeedbackOnARequestToItsLastExchange() {
		this.dispatcher.publish(TestRecords.complete());
		this.feedback.submit(Feedback.onRequest("req-1", "rating").withValue(4).withComment("great"));
		FeedbackRecord record = awaitOne();
		assertThat(record.linked()).isTrue();
		assertThat(record.exchangeId()).isEqualTo("ex-1");
		assertThat(record.comment()).isEqualTo("masked:5");
	}

	@Test
	void shouldRecordUnlinkedFeedbackOnAnExchangeThatLeftTheIndex() {
		this.dispatcher.publish(TestRecords.complete());
		this.dispatcher.publish(TestRecords.minimal());
		this.dispatcher.publish(TestRecords.withContent(null));
		this.feedback.submit(Feedback.onExchange("ex-1", "thumbs").withValue(-1));
		FeedbackRecord record = awaitOne();
		assertThat(record.linked()).isFalse();
		assertThat(record.exchangeId()).isEqualTo("ex-1");
		assertThat(record.requestId()).isNull();
	}

	@Test
	void shouldRejectBadInputNamingTheField() {
		assertRejected(new Feedback(null, null, "thumbs", 1.0, null, null), "exchangeId");
		assertRejected(new Feedback("ex-1", "req-1", "thumbs", 1.0, null, null), "requestId");
		assertRejected(new Feedback("ex 1\n", null, "thumbs", 1.0, null, null), "exchangeId");
		assertRejected(new Feedback(null, "x".repeat(65), "thumbs", 1.0, null, null), "requestId");
		assertRejected(new Feedback("ex-1", null, "", 1.0, null, null), "name");
		assertRejected(new Feedback("ex-1", null, "thumbs up", 1.0, null, null), "name");
		assertRejected(new Feedback("ex-1", null, "thumbs", null, null, null), "value");
		assertRejected(new Feedback("ex-1", null, "thumbs", 6.0, null, null), "value");
		assertRejected(new Feedback("ex-1", null, "thumbs", Double.NaN, null, null), "value");
		assertRejected(new Feedback("ex-1", null, "thumbs", null, "sideways", null), "label");
		assertThat(this.recorded).isEmpty();
	}

	private void assertRejected(Feedback bad, String field) {
		assertThatExceptionOfType(InvalidFeedbackException.class).isThrownBy(() -> this.feedback.submit(bad))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo(field))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("sideways", "ex 1", "xxxxxxxx"));
	}

	private FeedbackRecord awaitOne() {
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.recorded.isEmpty());
		assertThat(this.recorded).hasSize(1);
		return this.recorded.get(0);
	}

}
