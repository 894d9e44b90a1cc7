package dev.llmtracing.autoconfigure.chat;

import java.util.function.Consumer;

import dev.llmtracing.content.Responses;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ChatResponse;

/**
 * Notes when the first chunk of each model call of a stream reaches the
 * {@code ChatClient} advisor, for the {@link ExchangeObservationHandler}'s time to first
 * chunk. Each model call of the stream (several in a tool-calling loop) gets its own
 * {@link FirstChunk} when it starts; a chunk counts for the call that started last.
 * <p>
 * The advisor sees each chunk after a hand-off to another thread (Spring AI's
 * {@code ChatModelStreamAdvisor} publishes the model's chunks on a {@code boundedElastic}
 * worker), while the model's observation stops on the thread where the model's stream
 * completed. A stream that completes in one burst can stop before its first chunk has
 * crossed, so the handler does not read the time when the call stops but
 * {@linkplain FirstChunk#read when it is known}. Not an extension point: the advisor
 * creates one per stream.
 *
 * @author llm-tracing
 */
final class FirstChunkTimer {

	private volatile @Nullable FirstChunk current;

	/**
	 * Start waiting for the first chunk of a new model call. The call before it can have
	 * no first chunk any more: a chunk that comes from now on is the new call's.
	 * @param startNanos {@link System#nanoTime()} at the start of the call
	 * @return the first chunk of the new call
	 */
	FirstChunk restart(long startNanos) {
		FirstChunk next = new FirstChunk(startNanos);
		FirstChunk previous = this.current;
		this.current = next;
		if (previous != null) {
			previous.end();
		}
		return next;
	}

	/**
	 * Note a chunk of the stream: the first one with answer text or a tool call is the
	 * first chunk of the current model call.
	 * @param chunk the chunk's response
	 */
	void onChunk(@Nullable ChatResponse chunk) {
		FirstChunk call = this.current;
		if (call != null && call.waiting() && Responses.hasContent(chunk)) {
			call.arrived(System.nanoTime());
		}
	}

	/**
	 * Note that the stream ended (completed, failed or cancelled) where the advisor sees
	 * it: a call still waiting has no first chunk.
	 */
	void close() {
		FirstChunk call = this.current;
		if (call != null) {
			call.end();
		}
	}

	/**
	 * The first chunk of one model call: when it arrived, and who waits for it.
	 */
	static final class FirstChunk {

		private final long startNanos;

		private volatile boolean waiting = true;

		private long arrivedNanos;

		private boolean ended;

		private @Nullable Consumer<@Nullable Long> reader;

		private FirstChunk(long startNanos) {
			this.startNanos = startNanos;
		}

		boolean waiting() {
			return this.waiting;
		}

		void arrived(long nanos) {
			Consumer<@Nullable Long> waitingReader;
			synchronized (this) {
				if (!this.waiting || this.ended) {
					return;
				}
				this.arrivedNanos = nanos;
				this.waiting = false;
				waitingReader = this.reader;
				this.reader = null;
			}
			if (waitingReader != null) {
				waitingReader.accept(sinceStart(nanos));
			}
		}

		void end() {
			Consumer<@Nullable Long> waitingReader;
			synchronized (this) {
				this.ended = true;
				waitingReader = this.reader;
				this.reader = null;
			}
			if (waitingReader != null) {
				waitingReader.accept(null);
			}
		}

		/**
		 * Hand the time to first chunk of the call to a reader: at once if the first
		 * chunk arrived or cannot come any more, otherwise when it arrives, when the next
		 * model call starts or when the stream ends, whichever is first. The reader runs
		 * on the thread that knows; it is given {@code null} when no first chunk came.
		 * @param inFlight whether a first chunk can still arrive: the call's response had
		 * content
		 * @param reader given the time to first chunk in nanoseconds, or {@code null}
		 */
		void read(boolean inFlight, Consumer<@Nullable Long> reader) {
			Long since;
			synchronized (this) {
				if (this.waiting && !this.ended && inFlight) {
					this.reader = reader;
					return;
				}
				since = this.waiting ? null : sinceStart(this.arrivedNanos);
			}
			reader.accept(since);
		}

		private @Nullable Long sinceStart(long arrivedNanos) {
			long since = arrivedNanos - this.startNanos;
			return (since >= 0) ? since : null;
		}

	}

}
