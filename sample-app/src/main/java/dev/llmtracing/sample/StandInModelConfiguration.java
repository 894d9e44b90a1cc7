package dev.llmtracing.sample;

import java.io.IOException;
import java.time.Duration;

import dev.llmtracing.standin.StandInModelServer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the built-in stand-in model, an OpenAI-compatible server on
 * {@code sample.stand-in.port}, which {@code spring.ai.openai.base-url} points to by
 * default. The OpenAI client only connects when the first call is made, so the server may
 * start after it.
 *
 * @author llm-tracing
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "sample.stand-in.enabled", matchIfMissing = true)
class StandInModelConfiguration {

	@Bean(destroyMethod = "close")
	StandInModelServer standInModelServer(@Value("${sample.stand-in.port}") int port,
			@Value("${sample.stand-in.latency:50ms}") Duration latency) throws IOException {
		return StandInModelServer.start(port, latency);
	}

}
