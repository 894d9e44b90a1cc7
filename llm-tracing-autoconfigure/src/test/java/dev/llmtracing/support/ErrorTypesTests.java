package dev.llmtracing.support;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ErrorTypes}: one failure has one error type, however asynchronous code
 * wrapped it.
 *
 * @author llm-tracing
 */
class ErrorTypesTests {

	private final IllegalStateException failure = new IllegalStateException("503");

	@Test
	void unwrapsCompletionAndExecutionExceptions() {
		assertThat(ErrorTypes.of(new CompletionException(new ExecutionException(this.failure))))
			.isEqualTo(IllegalStateException.class.getName());
	}

	@Test
	void unwrapsReactorsWrapperOfCheckedExceptions() {
		assertThat(ErrorTypes.cause(Exceptions.propagate(new IOException("cut")))).isInstanceOf(IOException.class);
	}

	@Test
	void keepsOtherExceptionsAndTheirCauses() {
		RuntimeException outer = new RuntimeException(this.failure);
		assertThat(ErrorTypes.cause(outer)).isSameAs(outer);
		assertThat(ErrorTypes.of(this.failure)).isEqualTo(IllegalStateException.class.getName());
	}

	@Test
	void keepsAWrapperWithoutCause() {
		CompletionException bare = new CompletionException("no cause", null);
		assertThat(ErrorTypes.cause(bare)).isSameAs(bare);
	}

}
