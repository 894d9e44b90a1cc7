package dev.llmtracing.autoconfigure.web;

import dev.llmtracing.autoconfigure.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the inbound ID headers of servlet and WebFlux applications,
 * also the names of the headers sent on outgoing calls.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.web")
public class LlmTracingWebProperties implements Validator {

	/**
	 * Whether to read the ID headers of inbound HTTP requests (servlet and WebFlux).
	 */
	private boolean enabled = true;

	/**
	 * Name of the request ID header.
	 */
	private String requestIdHeader = "X-Request-Id";

	/**
	 * Name of the context (conversation or session) ID header.
	 */
	private String contextIdHeader = "X-Context-Id";

	/**
	 * Name of the user ID header.
	 */
	private String userIdHeader = "X-User-Id";

	/**
	 * Whether to send the request ID back in the response header.
	 */
	private boolean echoRequestId = true;

	/**
	 * Order of the ID filter in the servlet or WebFlux filter chain; the default runs it
	 * just after Spring Boot's HTTP observation filter.
	 */
	private int filterOrder = -2147483646;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getRequestIdHeader() {
		return this.requestIdHeader;
	}

	public void setRequestIdHeader(String requestIdHeader) {
		this.requestIdHeader = requestIdHeader;
	}

	public String getContextIdHeader() {
		return this.contextIdHeader;
	}

	public void setContextIdHeader(String contextIdHeader) {
		this.contextIdHeader = contextIdHeader;
	}

	public String getUserIdHeader() {
		return this.userIdHeader;
	}

	public void setUserIdHeader(String userIdHeader) {
		this.userIdHeader = userIdHeader;
	}

	public boolean isEchoRequestId() {
		return this.echoRequestId;
	}

	public void setEchoRequestId(boolean echoRequestId) {
		this.echoRequestId = echoRequestId;
	}

	public int getFilterOrder() {
		return this.filterOrder;
	}

	public void setFilterOrder(int filterOrder) {
		this.filterOrder = filterOrder;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmTracingWebProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LlmTracingWebProperties web = (LlmTracingWebProperties) target;
		PropertyChecks checks = PropertyChecks.of(errors, "llm.tracing.web");
		checks.headerName("requestIdHeader", "request-id-header", web.getRequestIdHeader());
		checks.headerName("contextIdHeader", "context-id-header", web.getContextIdHeader());
		checks.headerName("userIdHeader", "user-id-header", web.getUserIdHeader());
	}

}
