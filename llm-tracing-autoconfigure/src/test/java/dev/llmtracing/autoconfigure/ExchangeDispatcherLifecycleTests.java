package dev.llmtracing.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.record.ExchangeListener;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.TestRecords;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExchangeDispatcherLifecycle}.
 *
 * @author llm-tracing
 */
class ExchangeDispatcherLifecycleTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LlmTracingAutoConfiguration.class));

	@Test
	void shouldStopAfterTheWebServerHasStopped() {
		assertThat(ExchangeDispatcherLifecycle.PHASE).isLessThan(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE)
			.isLessThan(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE);
	}

	@Test
	void shouldWriteRecordsPublishedWhileTheWebServerStops() {
		List<ExchangeRecord> written = new CopyOnWriteArrayList<>();
		this.runner.withUserConfiguration(LastRequests.class)
			.withBean(ExchangeListener.class, () -> written::add)
			.run((context) -> assertThat(context).hasSingleBean(ExchangeDispatcherLifecycle.class));
		assertThat(written).hasSize(2);
	}

	@Test
	void shouldCloseTheDispatcherWhenTheContextStops() {
		this.runner.run((context) -> {
			ExchangeDispatcher dispatcher = context.getBean(ExchangeDispatcher.class);
			context.stop();
			assertThat(dispatcher.publish(TestRecords.complete())).isFalse();
			assertThat(dispatcher.getDroppedCount()).isOne();
		});
	}

	/**
	 * Publishes a record when the web server's graceful shutdown phase and its stop phase
	 * stop, as the last requests in flight would.
	 */
	@Configuration(proxyBeanMethods = false)
	static class LastRequests {

		@Bean
		SmartLifecycle gracefulShutdown(ExchangeDispatcher dispatcher) {
			return new Publishing(dispatcher, WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE);
		}

		@Bean
		SmartLifecycle webServerStop(ExchangeDispatcher dispatcher) {
			return new Publishing(dispatcher, WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE);
		}

	}

	static final class Publishing implements SmartLifecycle {

		private final ExchangeDispatcher dispatcher;

		private final int phase;

		private volatile boolean running;

		Publishing(ExchangeDispatcher dispatcher, int phase) {
			this.dispatcher = dispatcher;
			this.phase = phase;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
			this.dispatcher.publish(TestRecords.complete());
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return this.phase;
		}

	}

}
