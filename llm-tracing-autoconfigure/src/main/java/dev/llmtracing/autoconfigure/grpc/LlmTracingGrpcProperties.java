package dev.llmtracing.autoconfigure.grpc;

import dev.llmtracing.autoconfigure.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the ID metadata of gRPC calls, inbound and outgoing.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.grpc")
public class LlmTracingGrpcProperties implements Validator {

	/**
	 * Whether to read the ID metadata of inbound gRPC calls.
	 */
	private boolean enabled = true;

	/**
	 * Metadata key of the request ID.
	 */
	private String requestIdKey = "x-request-id";

	/**
	 * Metadata key of the context (conversation or session) ID.
	 */
	private String contextIdKey = "x-context-id";

	/**
	 * Metadata key of the user ID.
	 */
	private String userIdKey = "x-user-id";

	/**
	 * Whether to send the request ID back in the response headers of a call.
	 */
	private boolean echoRequestId = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getRequestIdKey() {
		return this.requestIdKey;
	}

	public void setRequestIdKey(String requestIdKey) {
		this.requestIdKey = requestIdKey;
	}

	public String getContextIdKey() {
		return this.contextIdKey;
	}

	public void setContextIdKey(String contextIdKey) {
		this.contextIdKey = contextIdKey;
	}

	public String getUserIdKey() {
		return this.userIdKey;
	}

	public void setUserIdKey(String userIdKey) {
		this.userIdKey = userIdKey;
	}

	public boolean isEchoRequestId() {
		return this.echoRequestId;
	}

	public void setEchoRequestId(boolean echoRequestId) {
		this.echoRequestId = echoRequestId;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmTracingGrpcProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LlmTracingGrpcProperties grpc = (LlmTracingGrpcProperties) target;
		PropertyChecks checks = PropertyChecks.of(errors, "llm.tracing.grpc");
		checks.metadataKey("requestIdKey", "request-id-key", grpc.getRequestIdKey());
		checks.metadataKey("contextIdKey", "context-id-key", grpc.getContextIdKey());
		checks.metadataKey("userIdKey", "user-id-key", grpc.getUserIdKey());
	}

}
