package dev.llmtracing.autoconfigure;

import dev.llmtracing.context.MdcKeys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Core configuration properties of llm-tracing: the one switch, and the IDs. Each feature
 * has its own properties class under its own prefix ({@code llm.tracing.web},
 * {@code llm.tracing.content}, ...). Invalid values fail at start-up with a message that
 * names the property and the fix.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing")
public class LlmTracingProperties implements Validator {

	/**
	 * Whether to enable llm-tracing at all.
	 */
	private boolean enabled = true;

	private final Ids ids = new Ids();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Ids getIds() {
		return this.ids;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmTracingProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		Ids ids = ((LlmTracingProperties) target).getIds();
		PropertyChecks checks = PropertyChecks.of(errors, "llm.tracing");
		checks.range("ids.maxLength", "ids.max-length", ids.getMaxLength(), 1, 1024);
		checks.mdcKey("ids.requestIdMdcKey", "ids.request-id-mdc-key", ids.getRequestIdMdcKey());
		checks.mdcKey("ids.contextIdMdcKey", "ids.context-id-mdc-key", ids.getContextIdMdcKey());
		checks.mdcKey("ids.userIdMdcKey", "ids.user-id-mdc-key", ids.getUserIdMdcKey());
	}

	/**
	 * Return the MDC keys of the IDs.
	 * @return the MDC keys
	 */
	MdcKeys mdcKeys() {
		return new MdcKeys(this.ids.getRequestIdMdcKey(), this.ids.getContextIdMdcKey(), this.ids.getUserIdMdcKey());
	}

	/**
	 * The IDs and where they are kept.
	 */
	public static class Ids {

		/**
		 * Maximum number of characters of a request, context or user ID; longer values
		 * are rejected.
		 */
		private int maxLength = 128;

		/**
		 * MDC key of the request ID.
		 */
		private String requestIdMdcKey = "requestId";

		/**
		 * MDC key of the context (conversation or session) ID.
		 */
		private String contextIdMdcKey = "contextId";

		/**
		 * MDC key of the user ID.
		 */
		private String userIdMdcKey = "userId";

		public int getMaxLength() {
			return this.maxLength;
		}

		public void setMaxLength(int maxLength) {
			this.maxLength = maxLength;
		}

		public String getRequestIdMdcKey() {
			return this.requestIdMdcKey;
		}

		public void setRequestIdMdcKey(String requestIdMdcKey) {
			this.requestIdMdcKey = requestIdMdcKey;
		}

		public String getContextIdMdcKey() {
			return this.contextIdMdcKey;
		}

		public void setContextIdMdcKey(String contextIdMdcKey) {
			this.contextIdMdcKey = contextIdMdcKey;
		}

		public String getUserIdMdcKey() {
			return this.userIdMdcKey;
		}

		public void setUserIdMdcKey(String userIdMdcKey) {
			this.userIdMdcKey = userIdMdcKey;
		}

	}

}
