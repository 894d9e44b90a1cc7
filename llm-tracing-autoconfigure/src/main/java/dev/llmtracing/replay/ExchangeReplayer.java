package dev.llmtracing.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.llmtracing.content.ContentMode;
import dev.llmtracing.context.ReplayMarker;
import dev.llmtracing.record.ExchangeFields;
import dev.llmtracing.redact.Placeholders;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Replays a recorded exchange against a {@link ChatModel} (the same model or another) and
 * reports the original and the replay side by side. The replay is an ordinary model call,
 * so it is recorded and traced too, marked with {@code llm.replay.of}. Only records with
 * captured messages ({@code full} content mode, or {@code encrypted} with a key) can be
 * replayed; others are refused with a message that says why.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class ExchangeReplayer {

	/**
	 * The default placeholder of user patterns,
	 * {@code llm.tracing.content.masking.patterns[n].placeholder}.
	 */
	private static final String USER_PATTERN_PLACEHOLDER = "[REDACTED]";

	/**
	 * The mark that ends a truncated text, {@code TextLimiter.TRUNCATION_MARK}.
	 */
	private static final String TRUNCATION_MARK = "\u2026";

	private static final List<String> PLACEHOLDERS = List.of(Placeholders.EMAIL, Placeholders.PHONE, Placeholders.CARD,
			Placeholders.IBAN, Placeholders.IP, Placeholders.JWT, Placeholders.SECRET, Placeholders.PRIVATE_KEY,
			USER_PATTERN_PLACEHOLDER, Placeholders.REDACTION_FAILED, TRUNCATION_MARK);

	private final Function<Map<String, Object>, Map<String, Object>> contentResolver;

	/**
	 * Create a replayer for records whose messages are in the clear.
	 */
	public ExchangeReplayer() {
		this((record) -> record);
	}

	/**
	 * Create a replayer.
	 * @param contentResolver turns a record into one with its messages in the clear, for
	 * example by decrypting them
	 */
	public ExchangeReplayer(Function<Map<String, Object>, Map<String, Object>> contentResolver) {
		this.contentResolver = contentResolver;
	}

	/**
	 * Replay an exchange.
	 * @param record the fields of the record
	 * @param model the model to replay against
	 * @param modelName the model name to ask for instead of the recorded one, or
	 * {@code null}
	 * @param stream whether to stream the replay
	 * @return the report
	 * @throws ReplayException if the record has no replayable content
	 */
	@SuppressWarnings("unchecked")
	public ReplayReport replay(Map<String, Object> record, ChatModel model, @Nullable String modelName,
			boolean stream) {
		String exchangeId = String.valueOf(record.get(ExchangeFields.EXCHANGE_ID));
		Map<String, Object> clear = this.contentResolver.apply(record);
		Object input = clear.get(ExchangeFields.INPUT_MESSAGES);
		if (!(input instanceof List<?>)) {
			if (clear.get(ExchangeFields.CONTENT_ENCRYPTED) instanceof Map<?, ?> encrypted) {
				throw new ReplayException("The content of exchange " + exchangeId + " is encrypted with key '"
						+ encrypted.get("kid") + "': configure that key (llm.tracing.content.encryption.keys."
						+ encrypted.get("kid") + ") to replay it");
			}
			throw new ReplayException(refusal(exchangeId, (String) record.get(ExchangeFields.CONTENT_MODE)));
		}
		List<String> notReplayed = new ArrayList<>();
		Prompt prompt = PromptRebuilder.rebuild(clear, (List<Map<String, Object>>) input, modelName, model.getOptions(),
				notReplayed);
		long start = System.nanoTime();
		ChatResponse response;
		try (ReplayMarker marker = ReplayMarker.mark(exchangeId)) {
			response = stream ? aggregate(model, prompt) : model.call(prompt);
		}
		double durationMs = (System.nanoTime() - start) / 1_000_000.0;
		return report(clear, prompt, response, durationMs, stream, notReplayed);
	}

	private static ChatResponse aggregate(ChatModel model, Prompt prompt) {
		ChatResponse[] last = new ChatResponse[1];
		new MessageAggregator().aggregate(model.stream(prompt), (response) -> last[0] = response).blockLast();
		if (last[0] == null) {
			throw new ReplayException("The replayed stream ended without a response");
		}
		return last[0];
	}

	private static ReplayReport report(Map<String, Object> record, Prompt prompt, ChatResponse response,
			double durationMs, boolean stream, List<String> notReplayed) {
		String original = RecordedCompletion.text(record);
		String replayed = (response.getResult() != null) ? response.getResult().getOutput().getText() : null;
		Usage usage = response.getMetadata().getUsage();
		String finish = (response.getResult() != null) ? response.getResult().getMetadata().getFinishReason() : null;
		String recordText = String.valueOf(record.get(ExchangeFields.INPUT_MESSAGES));
		boolean masked = PLACEHOLDERS.stream().anyMatch(recordText::contains);
		return new ReplayReport(String.valueOf(record.get(ExchangeFields.EXCHANGE_ID)),
				(String) record.get(ExchangeFields.REQUEST_MODEL), prompt.getOptions().getModel(), original, replayed,
				original != null && original.equals(replayed),
				PromptRebuilder.integer(record.get(ExchangeFields.USAGE_INPUT_TOKENS)),
				(usage != null) ? usage.getPromptTokens() : null,
				PromptRebuilder.integer(record.get(ExchangeFields.USAGE_OUTPUT_TOKENS)),
				(usage != null) ? usage.getCompletionTokens() : null,
				(record.get(ExchangeFields.DURATION_MS) instanceof Number n) ? n.doubleValue() : null,
				Math.round(durationMs * 1000) / 1000.0, RecordedCompletion.finishReason(record),
				(finish != null) ? finish.toLowerCase(java.util.Locale.ROOT) : null, stream, masked, notReplayed);
	}

	private static String refusal(String exchangeId, @Nullable String mode) {
		if (ContentMode.DIGEST.value().equals(mode)) {
			return "Exchange " + exchangeId + " was recorded with llm.tracing.content.mode=digest: it holds digests, "
					+ "not the messages, so it cannot be replayed. DigestCheck tells whether a prompt you supply "
					+ "matches it. Record with mode full or encrypted to replay.";
		}
		return "Exchange " + exchangeId + " was recorded without content (llm.tracing.content.mode=none): it cannot "
				+ "be replayed. Record with llm.tracing.content.mode=full or encrypted to replay exchanges.";
	}

}
