package dev.llmtracing.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample chat service. By default it talks to the built-in stand-in model over HTTP;
 * the {@code openai} and {@code ollama} profiles switch to a real model.
 *
 * @author llm-tracing
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
