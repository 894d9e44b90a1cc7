package dev.llmtracing.benchmarks.e2e.app;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring AI web application as a user writes it, with an in-process chat model so that
 * load on it measures instrumentation. Built with and without llm-tracing-starter.
 *
 * @author llm-tracing
 */
@SpringBootApplication
public class EndToEndApplication {

	@Bean
	Prompts prompts() {
		return new Prompts();
	}

	@Bean
	ChatModel inProcessChatModel(ObservationRegistry observationRegistry, Prompts prompts) {
		return new InProcessChatModel(observationRegistry, "Hello! How can I help you today?", prompts.supportAnswer());
	}

	public static void main(String[] args) {
		SpringApplication.run(EndToEndApplication.class, args);
	}

}
