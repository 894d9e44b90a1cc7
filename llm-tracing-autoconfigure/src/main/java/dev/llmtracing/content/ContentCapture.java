package dev.llmtracing.content;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.llmtracing.crypto.ContentEncryptor;
import dev.llmtracing.crypto.EncryptedContent;
import dev.llmtracing.record.ExchangeContent;
import dev.llmtracing.record.ExchangeFields;
import dev.llmtracing.record.JsonText;
import dev.llmtracing.redact.Redactor;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Captures the content of an exchange under a {@link ContentMode}. In {@code FULL} mode
 * each text is masked and capped at {@code maxFieldChars}; if the messages together still
 * exceed {@code maxContentBytes} of JSON, the cap is halved until they fit, and as a last
 * resort the oldest input messages are replaced by one marker. Truncated parts say so and
 * keep their original length, and the JSON stays valid.
 *
 * @author llm-tracing
 */
public final class ContentCapture {

	private static final String COMPLETION = "completion";

	private static final int MIN_FIELD_CHARS = 32;

	private final ContentMode mode;

	private final TextLimiter limiter;

	private final int maxFieldChars;

	private static final int ENCRYPTION_OVERHEAD = 160;

	private final int maxContentBytes;

	private final @Nullable ContentEncryptor encryptor;

	/**
	 * Create a content capture that does not encrypt.
	 * @param mode what to capture
	 * @param redactor masks every captured text
	 * @param maxFieldChars the maximum number of characters of one text
	 * @param maxContentBytes the maximum size of the captured messages as JSON
	 */
	public ContentCapture(ContentMode mode, Redactor redactor, int maxFieldChars, int maxContentBytes) {
		this(mode, redactor, maxFieldChars, maxContentBytes, null);
	}

	/**
	 * Create a content capture.
	 * @param mode what to capture
	 * @param redactor masks every captured text
	 * @param maxFieldChars the maximum number of characters of one text
	 * @param maxContentBytes the maximum size of the captured messages as JSON (in
	 * {@code encrypted} mode, of their Base64 ciphertext)
	 * @param encryptor encrypts the messages in {@code encrypted} mode
	 */
	public ContentCapture(ContentMode mode, Redactor redactor, int maxFieldChars, int maxContentBytes,
			@Nullable ContentEncryptor encryptor) {
		this.mode = mode;
		this.limiter = new TextLimiter(redactor);
		this.maxFieldChars = maxFieldChars;
		this.maxContentBytes = maxContentBytes;
		this.encryptor = encryptor;
	}

	/**
	 * Return the content mode.
	 * @return the mode
	 */
	public ContentMode getMode() {
		return this.mode;
	}

	/**
	 * Capture the content of an exchange.
	 * @param prompt the prompt that was sent
	 * @param response the response, or {@code null} if the call failed
	 * @return the content, or {@code null} in mode {@code NONE}
	 */
	public @Nullable ExchangeContent capture(Prompt prompt, @Nullable ChatResponse response) {
		return switch (this.mode) {
			case NONE -> null;
			case DIGEST -> new ExchangeContent(ContentMode.DIGEST.value(), digest(prompt, response), null, null, false,
					null, null);
			case FULL -> full(prompt, response, this.maxContentBytes);
			case ENCRYPTED -> encrypted(prompt, response);
		};
	}

	/**
	 * Capture a free text given about an exchange, such as a feedback comment: masked and
	 * capped like the content of a record, and only in mode {@code FULL}, the one mode
	 * that keeps text in clear.
	 * @param text the text
	 * @param maxChars the maximum number of characters to keep
	 * @return the masked, capped text, or {@code null} in any other mode
	 */
	public @Nullable String captureText(String text, int maxChars) {
		if (this.mode != ContentMode.FULL) {
			return null;
		}
		Map<String, Object> part = new LinkedHashMap<>(4);
		this.limiter.put(part, "text", text, Math.min(maxChars, this.maxFieldChars));
		return (String) part.get("text");
	}

	/**
	 * Return the SHA-256 of the completion that content mode {@code digest} put in a
	 * record's content, as {@link ContentDigests#sha256(List)} computes it over the texts
	 * of the generations.
	 * @param content the content of a record, or {@code null}
	 * @return the hex digest, or {@code null} if the content has none
	 */
	public static @Nullable String completionDigest(@Nullable ExchangeContent content) {
		Map<String, Object> digest = (content != null) ? content.digest() : null;
		return (digest != null && digest.get(COMPLETION) instanceof Map<?, ?> completion
				&& completion.get(ContentDigests.SHA256) instanceof String sha256) ? sha256 : null;
	}

	private Map<String, Object> digest(Prompt prompt, @Nullable ChatResponse response) {
		Map<String, Object> digest = new LinkedHashMap<>();
		digest.put("algorithm", "SHA-256");
		digest.put("system", ContentDigests.of(texts(prompt, MessageType.SYSTEM)));
		digest.put("user", ContentDigests.of(texts(prompt, MessageType.USER)));
		List<String> completion = new ArrayList<>();
		if (response != null) {
			for (Generation generation : response.getResults()) {
				String text = generation.getOutput().getText();
				completion.add((text != null) ? text : "");
			}
		}
		digest.put(COMPLETION, ContentDigests.of(completion));
		return digest;
	}

	private ExchangeContent encrypted(Prompt prompt, @Nullable ChatResponse response) {
		if (this.encryptor == null) {
			throw new IllegalStateException("Content mode encrypted needs a ContentEncryptor");
		}
		ExchangeContent clear = full(prompt, response, this.maxContentBytes * 3 / 4 - ENCRYPTION_OVERHEAD);
		Map<String, Object> messages = new LinkedHashMap<>();
		messages.put(ExchangeFields.INPUT_MESSAGES, clear.inputMessages());
		messages.put(ExchangeFields.OUTPUT_MESSAGES, clear.outputMessages());
		if (clear.toolDefinitions() != null) {
			messages.put(ExchangeFields.TOOL_DEFINITIONS, clear.toolDefinitions());
		}
		EncryptedContent encrypted = this.encryptor.encrypt(JsonText.write(messages).getBytes(StandardCharsets.UTF_8));
		return new ExchangeContent(ContentMode.ENCRYPTED.value(), null, null, null, clear.truncated(),
				encrypted.toFields(), null);
	}

	private ExchangeContent full(Prompt prompt, @Nullable ChatResponse response, int maxBytes) {
		List<Map<String, Object>> tools = ToolDefinitions.of(prompt);
		int toolBytes = (tools != null) ? bytes(tools) : 0;
		boolean toolsCut = false;
		if (tools != null && toolBytes > maxBytes / 4) {
			tools = ToolDefinitions.namesOnly(tools);
			toolBytes = bytes(tools);
			toolsCut = true;
		}
		int budget = maxBytes - toolBytes;
		MessageParts parts = new MessageParts(this.limiter);
		List<Message> messages = prompt.getInstructions();
		int limit = this.maxFieldChars;
		while (true) {
			parts.reset();
			List<Map<String, Object>> input = parts.input(messages, limit);
			List<Map<String, Object>> output = parts.output(response, limit);
			int outputBytes = bytes(output);
			if (bytes(input) + outputBytes <= budget) {
				return new ExchangeContent(ContentMode.FULL.value(), null, input, output, parts.truncated() || toolsCut,
						null, tools);
			}
			if (limit > MIN_FIELD_CHARS) {
				limit = Math.max(MIN_FIELD_CHARS, limit / 2);
				continue;
			}
			return new ExchangeContent(ContentMode.FULL.value(), null, fitInput(input, budget - outputBytes), output,
					true, null, tools);
		}
	}

	/**
	 * Keep the latest input messages that fit, behind one entry that says how many
	 * earlier ones were left out. Sizes are added up from each entry's size, as the JSON
	 * of a list is its entries between brackets, separated by commas.
	 */
	private static List<Map<String, Object>> fitInput(List<Map<String, Object>> input, int maxBytes) {
		int count = input.size();
		int[] entryBytes = new int[count];
		int tailBytes = 0;
		for (int i = 0; i < count; i++) {
			entryBytes[i] = bytes(input.get(i));
			tailBytes += (i > 0) ? entryBytes[i] : 0;
		}
		for (int keep = count - 1; keep >= 0; keep--) {
			Map<String, Object> omitted = MessageParts.omitted(count - keep);
			int listBytes = 2 + bytes(omitted) + tailBytes + keep;
			if (listBytes <= maxBytes || keep == 0) {
				List<Map<String, Object>> fitted = new ArrayList<>(keep + 1);
				fitted.add(omitted);
				fitted.addAll(input.subList(count - keep, count));
				return fitted;
			}
			tailBytes -= entryBytes[count - keep];
		}
		return List.of(MessageParts.omitted(count));
	}

	private static int bytes(Object value) {
		return JsonText.write(value).getBytes(StandardCharsets.UTF_8).length;
	}

	private static List<String> texts(Prompt prompt, MessageType type) {
		List<String> texts = new ArrayList<>();
		for (Message message : prompt.getInstructions()) {
			if (message.getMessageType() == type) {
				String text = message.getText();
				texts.add((text != null) ? text : "");
			}
		}
		return texts;
	}

}
