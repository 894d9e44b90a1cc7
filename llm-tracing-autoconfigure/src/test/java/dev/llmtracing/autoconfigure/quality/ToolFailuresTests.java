package dev.llmtracing.autoconfigure.quality;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ToolFailures}.
 *
 * @author llm-tracing
 */
class ToolFailuresTests {

	private final ToolFailures failures = new ToolFailures(2);

	@Test
	void shouldFindAFailedCallOnceAmongTheResultsOfARound() {
		this.failures.failed("call_2");
		assertThat(this.failures.anyFailed(List.of("call_1", "call_2"))).isTrue();
		assertThat(this.failures.anyFailed(List.of("call_1", "call_2"))).isFalse();
	}

	@Test
	void shouldNotFindCallsThatDidNotFail() {
		this.failures.failed("call_1");
		assertThat(this.failures.anyFailed(List.of("call_3"))).isFalse();
		assertThat(this.failures.anyFailed(List.of())).isFalse();
	}

	@Test
	void shouldForgetTheOldestFailureBeyondItsBound() {
		this.failures.failed("call_1");
		this.failures.failed("call_2");
		this.failures.failed("call_3");
		assertThat(this.failures.anyFailed(List.of("call_1"))).isFalse();
		assertThat(this.failures.anyFailed(List.of("call_2", "call_3"))).isTrue();
	}

	@Test
	void shouldIgnoreEmptyIds() {
		this.failures.failed("");
		assertThat(this.failures.anyFailed(List.of(""))).isFalse();
	}

}
