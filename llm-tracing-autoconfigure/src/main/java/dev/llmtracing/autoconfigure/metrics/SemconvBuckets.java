package dev.llmtracing.autoconfigure.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The histogram bucket boundaries of the OpenTelemetry GenAI semantic conventions, the
 * defaults of llm-tracing's bucket properties. Kept free of Micrometer types so that the
 * properties can use them without Micrometer on the class path.
 *
 * @author llm-tracing
 */
final class SemconvBuckets {

	/**
	 * The bucket boundaries of {@code gen_ai.client.operation.duration}.
	 */
	public static final List<Duration> OPERATION = seconds(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12,
			10.24, 20.48, 40.96, 81.92);

	/**
	 * The bucket boundaries of {@code gen_ai.client.operation.time_to_first_chunk}.
	 */
	public static final List<Duration> TIME_TO_FIRST_CHUNK = seconds(0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1,
			0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

	private SemconvBuckets() {
	}

	private static List<Duration> seconds(double... values) {
		return Arrays.stream(values).mapToObj((value) -> Duration.ofNanos(Math.round(value * 1e9))).toList();
	}

}
