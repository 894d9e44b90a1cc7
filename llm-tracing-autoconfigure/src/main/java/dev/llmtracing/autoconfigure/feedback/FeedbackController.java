package dev.llmtracing.autoconfigure.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import dev.llmtracing.feedback.Feedback;
import dev.llmtracing.feedback.InvalidFeedbackException;
import dev.llmtracing.feedback.LlmFeedback;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The optional feedback endpoint, {@code POST /llm-tracing/feedback}, for applications
 * that have none of their own. It is an ordinary Spring MVC controller, so the
 * application's security rules apply to it. The body is a JSON object with
 * {@code exchangeId} or {@code requestId}, {@code name}, {@code value} (a number) and/or
 * {@code label}, and an optional {@code comment}; accepted feedback gets 202. Bad input
 * gets 400 with a problem detail whose {@code field} names the field: an unknown field, a
 * value out of range, a label not in the configured set, an ID that fails validation, a
 * body over the size limit. Rejected values are neither logged nor echoed.
 *
 * @author llm-tracing
 */
@RestController
final class FeedbackController {

	/**
	 * The property that holds the path of the endpoint.
	 */
	static final String PATH_PROPERTY = "llm.tracing.feedback.endpoint.path";

	private static final Set<String> FIELDS = Set.of("exchangeId", "requestId", "name", "value", "label", "comment");

	private static final JsonMapper json = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final LlmFeedback feedback;

	private final int maxBodyBytes;

	/**
	 * Create the endpoint.
	 * @param feedback records the feedback
	 * @param maxBodyBytes the largest body accepted, in bytes
	 */
	FeedbackController(LlmFeedback feedback, int maxBodyBytes) {
		this.feedback = feedback;
		this.maxBodyBytes = maxBodyBytes;
	}

	/**
	 * Record one feedback.
	 * @param request the HTTP request, whose body is read up to the size limit
	 * @return 202 when accepted, 400 with a problem detail otherwise
	 * @throws IOException if the body cannot be read
	 */
	@PostMapping(path = "${" + PATH_PROPERTY + ":/llm-tracing/feedback}", consumes = MediaType.ALL_VALUE)
	public ResponseEntity<?> submit(HttpServletRequest request) throws IOException {
		try {
			this.feedback.submit(parse(read(request)));
			return ResponseEntity.accepted().build();
		}
		catch (InvalidFeedbackException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
			problem.setTitle("Invalid feedback");
			problem.setProperty("field", ex.getField());
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
	}

	private byte[] read(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > this.maxBodyBytes) {
			throw tooLarge();
		}
		try (InputStream body = request.getInputStream()) {
			byte[] bytes = body.readNBytes(this.maxBodyBytes + 1);
			if (bytes.length > this.maxBodyBytes) {
				throw tooLarge();
			}
			return bytes;
		}
	}

	private InvalidFeedbackException tooLarge() {
		return new InvalidFeedbackException("body", "the body must be at most " + this.maxBodyBytes + " bytes");
	}

	private static Feedback parse(byte[] body) {
		JsonNode node;
		try {
			node = json.readTree(body);
		}
		catch (JacksonException ex) {
			node = null;
		}
		if (node == null || !node.isObject()) {
			throw new InvalidFeedbackException("body", "the body must be one JSON object");
		}
		for (String field : node.propertyNames()) {
			if (!FIELDS.contains(field)) {
				throw new InvalidFeedbackException(safeName(field),
						"unknown field; the fields are exchangeId, requestId, name, value, label and comment");
			}
		}
		String name = text(node, "name");
		return new Feedback(text(node, "exchangeId"), text(node, "requestId"), (name != null) ? name : "",
				number(node, "value"), text(node, "label"), text(node, "comment"));
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new InvalidFeedbackException(field, field + " must be a string");
		}
		return value.stringValue();
	}

	private static @Nullable Double number(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber()) {
			throw new InvalidFeedbackException(field, field + " must be a number");
		}
		return value.doubleValue();
	}

	/**
	 * Name an unknown field only when it is short and made of safe characters, so that a
	 * hostile field name is not echoed.
	 */
	private static String safeName(String field) {
		if (field.isEmpty() || field.length() > 40) {
			return "(unknown)";
		}
		for (int i = 0; i < field.length(); i++) {
			char ch = field.charAt(i);
			if (!Character.isLetterOrDigit(ch) && ch != '_' && ch != '-' && ch != '.') {
				return "(unknown)";
			}
			if (ch > 127) {
				return "(unknown)";
			}
		}
		return field;
	}

}
