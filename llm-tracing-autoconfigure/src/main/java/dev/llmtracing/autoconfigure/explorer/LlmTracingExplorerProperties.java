package dev.llmtracing.autoconfigure.explorer;

import dev.llmtracing.autoconfigure.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the request explorer.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.explorer")
public class LlmTracingExplorerProperties implements Validator {

	/**
	 * Whether to keep recent requests in memory for the llmrequests endpoint and to serve
	 * the explorer page at /llm-tracing/explorer/.
	 */
	private boolean enabled = false;

	/**
	 * Maximum number of recent requests kept in memory.
	 */
	private int maxRequests = 500;

	/**
	 * Maximum estimated size of the recent requests kept in memory, their records and
	 * content included; the oldest requests are dropped first.
	 */
	private DataSize maxBytes = DataSize.ofMegabytes(16);

	/**
	 * Link to a trace in the trace backend, with {traceId} in place of the trace ID, such
	 * as http://localhost:9411/zipkin/traces/{traceId}; when empty, no link is shown.
	 */
	private String traceUrlTemplate = "";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxRequests() {
		return this.maxRequests;
	}

	public void setMaxRequests(int maxRequests) {
		this.maxRequests = maxRequests;
	}

	public DataSize getMaxBytes() {
		return this.maxBytes;
	}

	public void setMaxBytes(DataSize maxBytes) {
		this.maxBytes = maxBytes;
	}

	public String getTraceUrlTemplate() {
		return this.traceUrlTemplate;
	}

	public void setTraceUrlTemplate(String traceUrlTemplate) {
		this.traceUrlTemplate = traceUrlTemplate;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmTracingExplorerProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LlmTracingExplorerProperties explorer = (LlmTracingExplorerProperties) target;
		PropertyChecks checks = PropertyChecks.of(errors, "llm.tracing.explorer");
		checks.range("maxRequests", "max-requests", explorer.getMaxRequests(), 1, 100_000);
		checks.atLeastOneKilobyte("maxBytes", "max-bytes", explorer.getMaxBytes(), "16MB");
		String template = explorer.getTraceUrlTemplate();
		if (!template.isEmpty() && !(template.startsWith("http://") || template.startsWith("https://"))) {
			checks.reject("traceUrlTemplate", "trace-url-template must be an http or https URL; set a template such as "
					+ "http://localhost:9411/zipkin/traces/{traceId}");
		}
		else if (!template.isEmpty() && !template.contains("{traceId}")) {
			checks.reject("traceUrlTemplate",
					"trace-url-template must contain {traceId}; set a template such as http://localhost:9411/zipkin/traces/{traceId}");
		}
	}

}
