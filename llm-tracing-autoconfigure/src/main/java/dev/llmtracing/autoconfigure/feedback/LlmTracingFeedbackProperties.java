package dev.llmtracing.autoconfigure.feedback;

import java.util.ArrayList;
import java.util.List;

import dev.llmtracing.autoconfigure.PropertyChecks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of feedback.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.feedback")
public class LlmTracingFeedbackProperties implements Validator {

	private static final String PREFIX = "llm.tracing.feedback";

	/**
	 * Whether to record feedback given through the LlmFeedback API or the endpoint.
	 */
	private boolean enabled = true;

	/**
	 * Name of the logger that feedback records are written to.
	 */
	private String loggerName = "llm.tracing.feedback";

	/**
	 * Maximum number of recent exchanges, and of requests, kept to link feedback to.
	 */
	private int indexSize = 10000;

	/**
	 * Smallest feedback value accepted.
	 */
	private double minValue = -1;

	/**
	 * Largest feedback value accepted.
	 */
	private double maxValue = 10;

	/**
	 * Feedback names accepted; any name of 1 to 64 characters from [A-Za-z0-9._:-] when
	 * empty.
	 */
	private List<String> names = new ArrayList<>();

	/**
	 * Feedback labels accepted; any label of 1 to 64 characters from [A-Za-z0-9._:-] when
	 * empty.
	 */
	private List<String> labels = new ArrayList<>();

	/**
	 * Maximum number of characters kept of a comment (comments are kept, masked, only
	 * with llm.tracing.content.mode=full).
	 */
	private int maxCommentLength = 500;

	/**
	 * Maximum number of distinct feedback names, and of labels, used as metric tags;
	 * further ones are tagged 'other'.
	 */
	private int tagLimit = 50;

	private final Echo echo = new Echo();

	private final Endpoint endpoint = new Endpoint();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getLoggerName() {
		return this.loggerName;
	}

	public void setLoggerName(String loggerName) {
		this.loggerName = loggerName;
	}

	public int getIndexSize() {
		return this.indexSize;
	}

	public void setIndexSize(int indexSize) {
		this.indexSize = indexSize;
	}

	public double getMinValue() {
		return this.minValue;
	}

	public void setMinValue(double minValue) {
		this.minValue = minValue;
	}

	public double getMaxValue() {
		return this.maxValue;
	}

	public void setMaxValue(double maxValue) {
		this.maxValue = maxValue;
	}

	public List<String> getNames() {
		return this.names;
	}

	public void setNames(List<String> names) {
		this.names = names;
	}

	public List<String> getLabels() {
		return this.labels;
	}

	public void setLabels(List<String> labels) {
		this.labels = labels;
	}

	public int getMaxCommentLength() {
		return this.maxCommentLength;
	}

	public void setMaxCommentLength(int maxCommentLength) {
		this.maxCommentLength = maxCommentLength;
	}

	public int getTagLimit() {
		return this.tagLimit;
	}

	public void setTagLimit(int tagLimit) {
		this.tagLimit = tagLimit;
	}

	public Echo getEcho() {
		return this.echo;
	}

	public Endpoint getEndpoint() {
		return this.endpoint;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmTracingFeedbackProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LlmTracingFeedbackProperties feedback = (LlmTracingFeedbackProperties) target;
		PropertyChecks checks = PropertyChecks.of(errors, PREFIX);
		checks.notBlank("loggerName", "logger-name", feedback.getLoggerName());
		checks.range("indexSize", "index-size", feedback.getIndexSize(), 1, 10_000_000);
		if (!(feedback.getMinValue() <= feedback.getMaxValue()) || !Double.isFinite(feedback.getMinValue())
				|| !Double.isFinite(feedback.getMaxValue())) {
			checks.reject("maxValue", "max-value must be a finite number not smaller than min-value; "
					+ "set min-value and max-value to the range of your ratings");
		}
		checks.range("maxCommentLength", "max-comment-length", feedback.getMaxCommentLength(), 1, 100_000);
		checks.range("tagLimit", "tag-limit", feedback.getTagLimit(), 1, 10_000);
		checkNames(checks, "names", feedback.getNames());
		checkNames(checks, "labels", feedback.getLabels());
		checks.headerName("echo.headerName", "echo.header-name", feedback.getEcho().getHeaderName());
		if (!feedback.getEndpoint().getPath().startsWith("/")) {
			checks.reject("endpoint.path",
					"endpoint.path must start with '/'; set a path such as /llm-tracing/feedback");
		}
		checks.atLeastOneKilobyte("endpoint.maxBodySize", "endpoint.max-body-size",
				feedback.getEndpoint().getMaxBodySize(), "4KB");
	}

	private static void checkNames(PropertyChecks checks, String property, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			if (value == null || value.isEmpty() || value.length() > 64
					|| !value.chars()
						.allMatch((ch) -> Character.isLetterOrDigit(ch) && ch < 128 || ch == '.' || ch == '_'
								|| ch == ':' || ch == '-')) {
				checks.reject(property + "[" + i + "]", property + "[" + i
						+ "] must be 1 to 64 characters from A-Z a-z 0-9 . _ : -; change or remove it");
			}
		}
	}

	/**
	 * The echo of the exchange ID in a response header.
	 */
	public static class Echo {

		/**
		 * Whether to echo the exchange ID of the last model call of a request in a
		 * response header, while the response is not committed.
		 */
		private boolean enabled = true;

		/**
		 * Name of the response header that echoes the exchange ID.
		 */
		private String headerName = "X-Exchange-Id";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getHeaderName() {
			return this.headerName;
		}

		public void setHeaderName(String headerName) {
			this.headerName = headerName;
		}

	}

	/**
	 * The HTTP endpoint that takes feedback.
	 */
	public static class Endpoint {

		/**
		 * Whether to serve the feedback endpoint (an ordinary MVC endpoint, under the
		 * application's security rules).
		 */
		private boolean enabled = false;

		/**
		 * Path of the feedback endpoint.
		 */
		private String path = "/llm-tracing/feedback";

		/**
		 * Largest request body the feedback endpoint accepts.
		 */
		private DataSize maxBodySize = DataSize.ofKilobytes(4);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

	}

}
