package dev.llmtracing.autoconfigure.chat;

import java.util.concurrent.atomic.AtomicLong;

import dev.llmtracing.content.Responses;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ChatResponse;

/**
 * Notes when the first chunk of a streamed answer reaches the {@code ChatClient} advisor,
 * so that the {@link ExchangeObservationHandler} can compute the time to first chunk of
 * the model call. Each model call of a stream (several in a tool-calling loop) restarts
 * it. Not an extension point: the advisor creates one per stream.
 *
 * @author llm-tracing
 */
final class FirstChunkTimer {

	private final AtomicLong firstChunkNanos = new AtomicLong();

	/**
	 * Start waiting for the first chunk of a new model call.
	 */
	void restart() {
		this.firstChunkNanos.set(0);
	}

	/**
	 * Return whether the current model call has had no chunk with content yet.
	 * @return {@code true} while waiting for the first chunk
	 */
	boolean waiting() {
		return this.firstChunkNanos.get() == 0;
	}

	/**
	 * Note that a chunk with content arrived now, if it is the first one.
	 */
	void chunk() {
		this.firstChunkNanos.compareAndSet(0, System.nanoTime());
	}

	/**
	 * Note a chunk of the stream: the first one with answer text or a tool call is the
	 * first chunk of the current model call.
	 * @param chunk the chunk's response
	 */
	public void onChunk(@Nullable ChatResponse chunk) {
		if (waiting() && Responses.hasContent(chunk)) {
			chunk();
		}
	}

	/**
	 * Return the time to first chunk of a call that started at the given time.
	 * @param startNanos {@link System#nanoTime()} at the start of the call
	 * @return the time to first chunk in nanoseconds, or {@code null} if no chunk arrived
	 * since
	 */
	@Nullable Long sinceStart(long startNanos) {
		long first = this.firstChunkNanos.get();
		return (first != 0 && first - startNanos >= 0) ? first - startNanos : null;
	}

}
