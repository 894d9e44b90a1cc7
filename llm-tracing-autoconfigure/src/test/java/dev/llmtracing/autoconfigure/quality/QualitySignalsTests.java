package dev.llmtracing.autoconfigure.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.llmtracing.record.ExchangeIds;
import dev.llmtracing.record.ExchangeOutput;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.ExchangeRequest;
import dev.llmtracing.record.ExchangeResponse;
import dev.llmtracing.record.Outcome;
import dev.llmtracing.record.Timing;
import dev.llmtracing.record.TokenUsage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QualitySignals}.
 *
 * @author llm-tracing
 */
class QualitySignalsTests {

	private final QualitySignals signals = new QualitySignals(new RefusalPhrases(RefusalPhrases.DEFAULTS, 300),
			new LatencyObjectives(Map.of("slow-model", Duration.ofSeconds(2)), Duration.ofSeconds(10)),
			new ReproducibilityCheck(100), new LengthDrift(20, 10, 2.0, 10), null);

	@Test
	void shouldNameNoSignalOnANormalAnswer() {
		assertThat(this.signals.detect(record("gpt", 0.7, List.of("stop"), false, 1), output("Paris."))).isEmpty();
	}

	@Test
	void shouldNameTruncatedAndContentFilterFromTheFinishReasons() {
		assertThat(this.signals.detect(record("gpt", 0.7, List.of("length"), false, 1), output("Par")))
			.containsExactly("truncated");
		assertThat(this.signals.detect(record("claude", 0.7, List.of("max_tokens"), false, 1), output("Par")))
			.containsExactly("truncated");
		assertThat(this.signals.detect(record("gpt", 0.7, List.of("content_filter"), false, 1), output("")))
			.containsExactly("content_filter");
	}

	@Test
	void shouldNameEmptyWhenTheResponseHasNeitherTextNorToolCall() {
		assertThat(this.signals.detect(record("gpt", 0.7, List.of("stop"), true, 1), output("")))
			.containsExactly("empty");
	}

	@Test
	void shouldNameRefusalInEnglishAndJapaneseOnlyAtTheStart() {
		assertThat(this.signals.detect(record("gpt", 0.7, List.of("stop"), false, 1),
				output("I’m sorry, but I can’t help with that.")))
			.containsExactly("refusal");
		assertThat(this.signals.detect(record("gpt", 0.7, List.of("stop"), false, 1),
				output("申し訳ございませんが、その質問にはお答えできません。")))
			.containsExactly("refusal");
		String quoted = "x".repeat(400) + " the user said: I can't help with that";
		assertThat(this.signals.detect(record("gpt", 0.7, List.of("stop"), false, 1), output(quoted))).isEmpty();
	}

	@Test
	void shouldNameSlowOverTheObjectiveOfTheModelOrTheDefault() {
		assertThat(this.signals.detect(record("slow-model", 0.7, List.of("stop"), false, 2_500), output("ok")))
			.containsExactly("slow");
		assertThat(this.signals.detect(record("other", 0.7, List.of("stop"), false, 2_500), output("ok"))).isEmpty();
		assertThat(this.signals.detect(record("other", 0.7, List.of("stop"), false, 10_500), output("ok")))
			.containsExactly("slow");
	}

	@Test
	void shouldNameNondeterministicWhenTheSamePromptAtTemperatureZeroGetsAnotherAnswer() {
		assertThat(this.signals.detect(record("gpt", 0.0, List.of("stop"), false, 1), output("A", "p1"))).isEmpty();
		assertThat(this.signals.detect(record("gpt", 0.0, List.of("stop"), false, 1), output("A", "p1"))).isEmpty();
		assertThat(this.signals.detect(record("gpt", 0.0, List.of("stop"), false, 1), output("B", "p1")))
			.containsExactly("nondeterministic");
		assertThat(this.signals.detect(record("gpt", 0.0, List.of("stop"), false, 1), output("C", "p2"))).isEmpty();
	}

	@Test
	void shouldNotJudgeReproducibilityAtAPositiveTemperature() {
		this.signals.detect(record("gpt", 0.7, List.of("stop"), false, 1), output("A", "p1"));
		assertThat(this.signals.detect(record("gpt", 0.7, List.of("stop"), false, 1), output("B", "p1"))).isEmpty();
	}

	@Test
	void shouldNameLengthDriftFarOutsideTheRecentLengthsOnceThereAreEnough() {
		for (int i = 0; i < 9; i++) {
			assertThat(this.signals.detect(record("gpt", 0.7, List.of("stop"), false, 1), output("x".repeat(100))))
				.isEmpty();
		}
		assertThat(this.signals.detect(record("gpt", 0.7, List.of("stop"), false, 1), output("x".repeat(900))))
			.as("too few lengths yet")
			.isEmpty();
		assertThat(this.signals.detect(record("gpt", 0.7, List.of("stop"), false, 1), output("x".repeat(150))))
			.isEmpty();
		assertThat(this.signals.detect(record("gpt", 0.7, List.of("stop"), false, 1), output("x".repeat(2000))))
			.containsExactly("length_drift");
		assertThat(this.signals.detect(record("gpt", 0.7, List.of("stop"), false, 1), output("x")))
			.containsExactly("length_drift");
		assertThat(this.signals.detect(record("other", 0.7, List.of("stop"), false, 1), output("x"))).isEmpty();
	}

	@Test
	void shouldNameNothingForAFailedCall() {
		ExchangeRecord failed = new ExchangeRecord(new ExchangeIds("ex", null, null, null, null, null),
				request("gpt", 0.0), new ExchangeResponse(null, null, List.of("length"), false), TokenUsage.UNKNOWN,
				new Timing(Instant.now(), Duration.ofSeconds(20).toNanos(), null), Outcome.ERROR, "java.io.IOException",
				null, null, null);
		assertThat(this.signals.detect(failed, output(""))).isEmpty();
	}

	private static ExchangeRecord record(String model, double temperature, List<String> finishReasons, boolean empty,
			long millis) {
		return new ExchangeRecord(new ExchangeIds("ex", "req", null, null, null, null), request(model, temperature),
				new ExchangeResponse(model, "resp", finishReasons, empty), new TokenUsage(1, 1),
				new Timing(Instant.now(), Duration.ofMillis(millis).toNanos(), null), Outcome.SUCCESS, null, null, null,
				null);
	}

	private static ExchangeRequest request(String model, double temperature) {
		return new ExchangeRequest("chat", "openai", model, temperature, null, null, false, Map.of(), null, "support",
				"v1");
	}

	private static ExchangeOutput output(String completion) {
		return output(completion, "prompt");
	}

	private static ExchangeOutput output(String completion, String prompt) {
		return new ExchangeOutput() {

			@Override
			public String completion() {
				return completion;
			}

			@Override
			public boolean hasToolCalls() {
				return false;
			}

			@Override
			public String promptDigest() {
				return prompt;
			}

			@Override
			public String completionDigest() {
				return digest(completion);
			}

		};
	}

	private static String digest(@Nullable String text) {
		return "d" + ((text != null) ? text.hashCode() : 0);
	}

}
