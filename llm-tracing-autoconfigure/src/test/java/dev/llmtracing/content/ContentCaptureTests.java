package dev.llmtracing.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.record.ExchangeContent;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.ExchangeRecordFields;
import dev.llmtracing.record.JsonText;
import dev.llmtracing.record.RecordSchema;
import dev.llmtracing.record.TestRecords;
import dev.llmtracing.redact.PiiMasker;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for {@link ContentCapture}: the content modes, masking, the size caps, and that
 * records in every mode validate against the shipped JSON Schema.
 *
 * @author llm-tracing
 */
class ContentCaptureTests {

	private final PiiMasker masker = PiiMasker.of(PiiMasker.DETECTORS);

	@Test
	void noneModeCapturesNothing() {
		ContentCapture capture = new ContentCapture(ContentMode.NONE, this.masker, 2000, 10_000);
		assertThat(capture.capture(prompt(), response("Hi"))).isNull();
	}

	@Test
	void digestModeProvesTheTextsWithoutKeepingThem() throws Exception {
		ContentCapture capture = new ContentCapture(ContentMode.DIGEST, this.masker, 2000, 10_000);
		ExchangeContent content = capture.capture(prompt(), response("The answer"));
		Map<String, Object> digest = content.digest();
		assertThat(digest.get("system")).isEqualTo(Map.of("sha256", sha256("Be brief.\0"), "chars", 9L, "messages", 1));
		assertThat(digest.get("user"))
			.isEqualTo(Map.of("sha256", sha256("Mail ana@example.com\0What now?\0"), "chars", 29L, "messages", 2));
		assertThat(digest.get("completion"))
			.isEqualTo(Map.of("sha256", sha256("The answer\0"), "chars", 10L, "messages", 1));
		assertThat(JsonText.write(content.digest())).doesNotContain("ana@example.com").doesNotContain("answer");
		assertValidRecord(content);
	}

	@Test
	void fullModeWritesMaskedMessagesInTheGenAiShape() {
		ContentCapture capture = new ContentCapture(ContentMode.FULL, this.masker, 2000, 10_000);
		ExchangeContent content = capture.capture(prompt(), response("Call +1 415 555 0100"));
		assertThat(content.inputMessages()).hasSize(5);
		assertThat(content.inputMessages().get(0))
			.isEqualTo(Map.of("role", "system", "parts", List.of(Map.of("type", "text", "content", "Be brief."))));
		assertThat(JsonText.write(content.inputMessages().get(1))).contains("Mail [EMAIL]").doesNotContain("ana@");
		assertThat(JsonText.write(content.inputMessages().get(2))).isEqualTo(
				"{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"arguments\":\"{\\\"to\\\":\\\"[EMAIL]\\\"}\","
						+ "\"id\":\"call-1\",\"name\":\"send\"}]}");
		assertThat(JsonText.write(content.inputMessages().get(3))).contains("\"type\":\"tool_call_response\"")
			.contains("\"response\":\"sent to [EMAIL]\"");
		assertThat(content.outputMessages()).containsExactly(Map.of("role", "assistant", "parts",
				List.of(Map.of("type", "text", "content", "Call [PHONE]")), "finish_reason", "stop"));
		assertThat(content.truncated()).isFalse();
		assertValidRecord(content);
	}

	@Test
	void longTextIsTruncatedWithMarkerAndOriginalLength() {
		ContentCapture capture = new ContentCapture(ContentMode.FULL, this.masker, 100, 10_000);
		String longText = "x".repeat(10_000);
		ExchangeContent content = capture.capture(new Prompt(List.of(new UserMessage(longText))), response("ok"));
		Map<?, ?> part = (Map<?, ?>) ((List<?>) content.inputMessages().get(0).get("parts")).get(0);
		assertThat((String) part.get("content")).hasSize(101).endsWith("…");
		assertThat(part.get("truncated")).isEqualTo(true);
		assertThat(part.get("original_length")).isEqualTo(10_000);
		assertThat(content.truncated()).isTrue();
		assertValidRecord(content);
	}

	@Test
	void secretAcrossTheCutIsStillMasked() {
		ContentCapture capture = new ContentCapture(ContentMode.FULL, this.masker, 100, 10_000);
		String text = "y".repeat(90) + " sk-abcdefghijklmnopqrstuvwxyz0123456789 and more";
		ExchangeContent content = capture.capture(new Prompt(List.of(new UserMessage(text))), null);
		assertThat(JsonText.write(content.inputMessages())).doesNotContain("sk-abc").contains("[SECRET]");
	}

	@Test
	void megabytePromptGivesRecordUnderTheCapQuickly() {
		int maxRecordBytes = 12 * 1024;
		ContentCapture capture = new ContentCapture(ContentMode.FULL, this.masker, 2000, maxRecordBytes - 2048);
		String megabyte = "Contact ana@example.com. ".repeat(42_000);
		ExchangeContent content = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> capture.capture(new Prompt(
						List.of(new SystemMessage("Be brief."), new UserMessage(megabyte), new UserMessage(megabyte))),
						response(megabyte)));
		ExchangeRecord record = TestRecords.withContent(content);
		String json = JsonText.write(ExchangeRecordFields.all(record, MdcKeys.DEFAULT));
		assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(maxRecordBytes);
		assertThat(json).doesNotContain("ana@example.com").contains("\"original_length\":" + megabyte.length());
		RecordSchema.assertValid(json);
	}

	@Test
	void manyMessagesAreFoldedIntoAnOmissionMarker() {
		ContentCapture capture = new ContentCapture(ContentMode.FULL, this.masker, 2000, 2_000);
		List<Message> messages = new java.util.ArrayList<>();
		for (int i = 0; i < 300; i++) {
			messages.add(new UserMessage("Message number " + i + " with some words in it"));
		}
		ExchangeContent content = capture.capture(new Prompt(messages), response("done"));
		assertThat(JsonText.write(content.inputMessages()).getBytes(StandardCharsets.UTF_8).length
				+ JsonText.write(content.outputMessages()).length())
			.isLessThanOrEqualTo(2_000);
		assertThat(content.inputMessages().get(0)).containsEntry("omitted", 287);
		assertThat(JsonText.write(content.inputMessages())).contains("Message number 299");
		assertValidRecord(content);
	}

	private static void assertValidRecord(ExchangeContent content) {
		RecordSchema
			.assertValid(JsonText.write(ExchangeRecordFields.all(TestRecords.withContent(content), MdcKeys.DEFAULT)));
	}

	private static Prompt prompt() {
		AssistantMessage toolCall = AssistantMessage.builder()
			.content("")
			.toolCalls(
					List.of(new AssistantMessage.ToolCall("call-1", "function", "send", "{\"to\":\"bo@example.org\"}")))
			.build();
		ToolResponseMessage toolResult = ToolResponseMessage.builder()
			.responses(List.of(new ToolResponseMessage.ToolResponse("call-1", "send", "sent to bo@example.org")))
			.build();
		return new Prompt(List.of(new SystemMessage("Be brief."), new UserMessage("Mail ana@example.com"), toolCall,
				toolResult, new UserMessage("What now?")));
	}

	private static ChatResponse response(String text) {
		return new ChatResponse(List.of(new Generation(new AssistantMessage(text),
				ChatGenerationMetadata.builder().finishReason("STOP").build())));
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
