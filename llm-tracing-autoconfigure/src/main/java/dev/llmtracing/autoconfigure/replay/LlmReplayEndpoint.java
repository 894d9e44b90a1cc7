package dev.llmtracing.autoconfigure.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.llmtracing.support.ErrorTypes;
import dev.llmtracing.replay.ExchangeLogReader;
import dev.llmtracing.replay.ExchangeReplayer;
import dev.llmtracing.replay.ReplayException;
import dev.llmtracing.replay.ReplayReport;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * Actuator endpoint {@code llmreplay}: replays a recorded exchange, found by its exchange
 * ID in the configured record files, against the application's chat model. Like every
 * endpoint but health it is not exposed over HTTP unless
 * {@code management.endpoints.web.exposure.include} names it, and it is a write operation
 * (HTTP POST): it calls the model. A replayed call that fails is answered with its error,
 * not with HTTP 500.
 *
 * @author llm-tracing
 */
@Endpoint(id = "llmreplay")
final class LlmReplayEndpoint {

	private final ChatModel chatModel;

	private final ExchangeReplayer replayer;

	private final List<Path> sources;

	private final ExchangeLogReader reader = new ExchangeLogReader();

	LlmReplayEndpoint(ChatModel chatModel, ExchangeReplayer replayer, List<Path> sources) {
		this.chatModel = chatModel;
		this.replayer = replayer;
		this.sources = sources;
	}

	/**
	 * Replay an exchange.
	 * @param exchangeId the exchange ID
	 * @param model a model name to replay against instead of the recorded one
	 * @param stream whether to stream the replay
	 * @return the report, the reason the exchange cannot be replayed, or the error of a
	 * replayed model call that failed
	 */
	@WriteOperation
	public Object replay(String exchangeId, @Nullable String model, @Nullable Boolean stream) {
		try {
			Map<String, Object> record = this.reader.find(this.sources, exchangeId)
				.orElseThrow(() -> new ReplayException("No record of exchange " + exchangeId + " in " + this.sources
						+ " (llm.tracing.replay.sources)"));
			ReplayReport report = this.replayer.replay(record, this.chatModel, model, Boolean.TRUE.equals(stream));
			return report;
		}
		catch (ReplayException | IOException ex) {
			return Map.of("exchangeId", exchangeId, "replayed", false, "reason", String.valueOf(ex.getMessage()));
		}
		catch (RuntimeException ex) {
			return failure(exchangeId, ErrorTypes.cause(ex));
		}
	}

	private static Map<String, Object> failure(String exchangeId, Throwable error) {
		Map<String, Object> failure = new LinkedHashMap<>();
		failure.put("exchangeId", exchangeId);
		failure.put("replayed", false);
		failure.put("outcome", "error");
		failure.put("errorType", error.getClass().getName());
		failure.put("errorMessage", String.valueOf(error.getMessage()));
		failure.put("reason",
				"The replayed model call failed: " + error.getClass().getSimpleName() + ": " + error.getMessage());
		return failure;
	}

}
