package dev.llmtracing.autoconfigure.reactive;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Sets {@code spring.reactor.context-propagation} to {@code auto} in reactive web
 * applications, unless the application sets it itself. Spring Boot's default,
 * {@code limited}, restores thread-local values only in Reactor's {@code handle} and
 * {@code tap} operators: the IDs that the WebFlux filter puts in the Reactor context
 * would then be missing from the MDC of the controller, of Spring AI's stream threads and
 * so of the exchange records. Nothing is set when llm-tracing, its web filter or its
 * thread propagation ({@code llm.tracing.propagation.threads}) is switched off.
 *
 * @author llm-tracing
 */
final class ReactiveContextPropagationEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String CONTEXT_PROPAGATION = "spring.reactor.context-propagation";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		WebApplicationType type = Binder.get(environment)
			.bind("spring.main.web-application-type", WebApplicationType.class)
			.orElse(application.getWebApplicationType());
		if (type != WebApplicationType.REACTIVE || !environment.getProperty("llm.tracing.enabled", Boolean.class, true)
				|| !environment.getProperty("llm.tracing.web.enabled", Boolean.class, true)
				|| !environment.getProperty("llm.tracing.propagation.threads", Boolean.class, true)
				|| environment.containsProperty(CONTEXT_PROPAGATION)) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource("llmTracingReactiveDefaults", Map.of(CONTEXT_PROPAGATION, "auto")));
	}

}
