package dev.llmtracing.autoconfigure.quality;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.llmtracing.record.ExchangeIds;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.ExchangeRequest;
import dev.llmtracing.record.ExchangeResponse;
import dev.llmtracing.record.Outcome;
import dev.llmtracing.record.Timing;
import dev.llmtracing.record.TokenUsage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the length-drift signal costs each model call on the caller's thread: one
 * completion judged against its series and added to it, with the series full. The window
 * is the default ({@code 200}) or the largest allowed ({@code 100000}); the lengths vary
 * around 400 characters.
 *
 * @author llm-tracing
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LengthDriftBenchmark {

	/**
	 * The lengths kept per series ({@code llm.tracing.quality.length-drift.window}).
	 */
	@Param({ "200", "100000" })
	public int window;

	private LengthDrift drift;

	private ExchangeRecord record;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		this.drift = new LengthDrift(this.window, 50, 2.0, 1000);
		ExchangeRequest request = new ExchangeRequest("chat", "openai", "gpt-4o-mini", 0.7, null, null, false, Map.of(),
				null, "support", "v1");
		this.record = new ExchangeRecord(new ExchangeIds("ex", "req", null, null, null, null), request,
				new ExchangeResponse("gpt-4o-mini", "resp", List.of("stop"), false), new TokenUsage(1, 1),
				new Timing(Instant.now(), 1_000_000, null), Outcome.SUCCESS, null, null, null, null);
		for (int i = 0; i < this.window; i++) {
			this.drift.drifts(this.record, length());
		}
	}

	@Benchmark
	public boolean judgeAndAdd() {
		return this.drift.drifts(this.record, length());
	}

	private int length() {
		this.next = (this.next * 1_103_515_245 + 12_345) & 0x7fffffff;
		return 300 + (this.next % 200);
	}

}
