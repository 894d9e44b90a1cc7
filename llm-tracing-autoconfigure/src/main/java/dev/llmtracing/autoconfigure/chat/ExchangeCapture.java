package dev.llmtracing.autoconfigure.chat;

import java.time.Instant;

import dev.llmtracing.autoconfigure.chat.FirstChunkTimer.FirstChunk;
import dev.llmtracing.context.TracingIds;
import org.jspecify.annotations.Nullable;

/**
 * What the {@link ExchangeObservationHandler} keeps in a model observation's context from
 * start to stop.
 *
 * @param exchangeId the ID of the model call
 * @param startTime when the call started
 * @param startNanos {@link System#nanoTime()} at the start
 * @param ids the caller's IDs
 * @param facts what the {@code ChatClient} knows about the call
 * @param replayOf the exchange ID this call replays, or {@code null}
 * @param firstChunk the first chunk of a call of a {@code ChatClient} stream, or
 * {@code null}
 * @author llm-tracing
 */
record ExchangeCapture(String exchangeId, Instant startTime, long startNanos, TracingIds ids, ClientFacts facts,
		@Nullable String replayOf, @Nullable FirstChunk firstChunk) {

}
