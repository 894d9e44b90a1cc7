package dev.llmtracing.autoconfigure.request;

import java.time.Duration;

import dev.llmtracing.request.RequestActivity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Activity}.
 *
 * @author llm-tracing
 */
class ActivityTests {

	private static final long MS = 1_000_000;

	@Test
	void shouldKeepAnActivityThatEndedWithinTheRequest() {
		Activity activity = new Activity(Part.STAGE, "prompt-build", 10 * MS, 0);
		activity.end(30 * MS);
		assertThat(activity.toRequestActivity(100 * MS))
			.isEqualTo(new RequestActivity("stage", "prompt-build", Duration.ofMillis(10), Duration.ofMillis(20)));
	}

	@Test
	void shouldEndAnActivityStillRunningWithTheRequest() {
		Activity activity = new Activity(Part.TOOL, "tool", 40 * MS, 0);
		assertThat(activity.toRequestActivity(100 * MS))
			.isEqualTo(new RequestActivity("tool", "tool", Duration.ofMillis(40), Duration.ofMillis(60)));
	}

	@Test
	void shouldEndAModelCallThatRanPastTheRequestWithTheRequest() {
		Activity activity = new Activity(Part.MODEL, "model", 50 * MS, 0);
		activity.end(180 * MS);
		assertThat(activity.toRequestActivity(100 * MS))
			.isEqualTo(new RequestActivity("model", "model", Duration.ofMillis(50), Duration.ofMillis(50)));
	}

}
