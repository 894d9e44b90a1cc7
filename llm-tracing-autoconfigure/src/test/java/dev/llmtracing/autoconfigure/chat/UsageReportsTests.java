package dev.llmtracing.autoconfigure.chat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UsageReports}: usage the provider did not report is never taken for a
 * count of zero.
 *
 * @author llm-tracing
 */
class UsageReportsTests {

	private static final Object PROVIDER_USAGE = new Object();

	@Test
	void missingOrEmptyUsageIsNotReported() {
		assertThat(UsageReports.isReported(null, false)).isFalse();
		assertThat(UsageReports.isReported(new EmptyUsage(), false)).isFalse();
		assertThat(UsageReports.isReported(new EmptyUsage(), true)).isFalse();
	}

	@Test
	void positiveCountsAreReported() {
		assertThat(UsageReports.isReported(new DefaultUsage(12, 3), true)).isTrue();
		assertThat(UsageReports.isReported(new DefaultUsage(12, 0), false)).isTrue();
	}

	@Test
	void zeroReportedByTheProviderForACallStaysReported() {
		assertThat(UsageReports.isReported(new DefaultUsage(0, 0, 0, PROVIDER_USAGE), false)).isTrue();
	}

	@Test
	void zerosThatSpringAiMadeUpAreNotReported() {
		assertThat(UsageReports.isReported(new DefaultUsage(0, 0, 0, Map.of("promptTokens", 0)), false)).isFalse();
		assertThat(UsageReports.isReported(new DefaultUsage(0, 0, 0, new EmptyUsage()), false)).isFalse();
		assertThat(UsageReports.isReported(new DefaultUsage(0, 0, 0, PROVIDER_USAGE), true)).isFalse();
	}

}
