package dev.llmtracing.autoconfigure.propagation;

import java.util.Map;

import dev.llmtracing.context.MdcKeys;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lists the IDs in {@code management.tracing.baggage.remote-fields}, so that they travel
 * as W3C baggage between services, unless the application sets that property itself (then
 * it should add {@code requestId,contextId,userId} to its own list). The IDs are
 * deliberately not made correlation fields: incoming values reach the MDC only through
 * llm-tracing's validation.
 *
 * @author llm-tracing
 */
final class BaggageDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String REMOTE_FIELDS = "management.tracing.baggage.remote-fields";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("llm.tracing.enabled", Boolean.class, true)
				|| !environment.getProperty("llm.tracing.propagation.baggage", Boolean.class, true)
				|| Binder.get(environment).bind(REMOTE_FIELDS, Bindable.listOf(String.class)).isBound()) {
			return;
		}
		MdcKeys defaults = MdcKeys.DEFAULT;
		String fields = String.join(",",
				environment.getProperty("llm.tracing.ids.request-id-mdc-key", defaults.requestId()),
				environment.getProperty("llm.tracing.ids.context-id-mdc-key", defaults.contextId()),
				environment.getProperty("llm.tracing.ids.user-id-mdc-key", defaults.userId()));
		environment.getPropertySources()
			.addLast(new MapPropertySource("llmTracingBaggageDefaults", Map.of(REMOTE_FIELDS, fields)));
	}

}
