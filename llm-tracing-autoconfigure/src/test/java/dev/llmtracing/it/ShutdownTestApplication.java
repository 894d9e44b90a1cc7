package dev.llmtracing.it;

import java.io.File;
import java.time.Duration;

import dev.llmtracing.record.ExchangeListener;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.web.server.context.WebServerPortFileWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The load test's application as a process of its own, for the shutdown test: it writes
 * its port to the file named by {@code shutdown-it.port-file}, and a slow sink
 * ({@code shutdown-it.sink-delay} per record, after the JSON record is written) stands
 * for a slow log destination, so that records wait in the queue when the process is told
 * to stop.
 *
 * @author llm-tracing
 */
@SpringBootConfiguration
@Import(LoadTestApplication.class)
class ShutdownTestApplication {

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ExchangeListener slowSink(@Value("${shutdown-it.sink-delay:0ms}") Duration delay) {
		return (record) -> {
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ShutdownTestApplication.class);
		application.addListeners(new WebServerPortFileWriter(new File(System.getProperty("shutdown-it.port-file"))));
		application.run(args);
	}

}
