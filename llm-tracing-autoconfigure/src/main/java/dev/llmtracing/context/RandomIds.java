package dev.llmtracing.context;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Generates random (version 4) UUID strings for request and exchange IDs. Uses
 * {@link ThreadLocalRandom} rather than {@link UUID#randomUUID()}: the IDs only need to
 * be unique, not unguessable, and must be cheap on every model call.
 *
 * @author llm-tracing
 */
public final class RandomIds {

	private RandomIds() {
	}

	/**
	 * Return a new random UUID string.
	 * @return the new ID
	 */
	public static String next() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
		long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
		return new UUID(most, least).toString();
	}

}
