package dev.llmtracing.benchmarks.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AppProcess.Allocation}.
 *
 * @author llm-tracing
 */
class AllocationTests {

	@Test
	void theBytesOfAWindowInWhichNoThreadEnded() {
		assertThat(new AppProcess.Allocation(5_000, 12).since(new AppProcess.Allocation(1_000, 12))).isEqualTo(4_000);
	}

	@Test
	void aWindowInWhichAThreadEndedHasNoFigure() {
		// the thread's bytes left the sum: the difference is negative
		assertThat(new AppProcess.Allocation(1_000, 13).since(new AppProcess.Allocation(5_000, 12))).isEqualTo(-1);
		assertThat(new AppProcess.Allocation(9_000, 13).since(new AppProcess.Allocation(5_000, 12))).isEqualTo(-1);
	}

	@Test
	void anEarlierCommitsProbeIsNotChecked() {
		assertThat(new AppProcess.Allocation(5_000, -1).since(new AppProcess.Allocation(1_000, -1))).isEqualTo(4_000);
	}

}
