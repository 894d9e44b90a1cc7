package dev.llmtracing.tools.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.llmtracing.audit.AuditTrailWriter;
import dev.llmtracing.record.ExchangeContent;
import dev.llmtracing.record.ExchangeIds;
import dev.llmtracing.record.ExchangeRecord;
import dev.llmtracing.record.ExchangeRequest;
import dev.llmtracing.record.ExchangeResponse;
import dev.llmtracing.record.Outcome;
import dev.llmtracing.record.Timing;
import dev.llmtracing.record.TokenUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that text which JSON must escape, and text that looks like the chain fields,
 * stays on one line, reads back unchanged and verifies.
 *
 * @author llm-tracing
 */
class AuditTrailEscapingTests {

	private static final String TEXT = "say \"hi\" \\ C:\\temp\nnext line\r\ttab \u2028 Grüße, 日本語, 😀";

	@TempDir
	Path dir;

	@Test
	void shouldVerifyRecordWithQuotesBackslashesNewlinesAndNonAsciiText() {
		Path file = this.dir.resolve("audit.jsonl");
		try (AuditTrailWriter writer = TestTrails.writer(file)) {
			writer.onExchange(record());
			writer.onExchange(record());
		}
		List<String> lines = TestTrails.lines(file);
		assertThat(lines).hasSize(2);
		Map<String, Object> fields = TestTrails.fields(lines.get(1));
		assertThat(fields).containsEntry("requestId", TEXT).containsEntry("audit.seq", 2);
		assertThat(fields.get("gen_ai.input.messages")).isEqualTo(List.of(message()));
		VerificationResult result = TestTrails.verify(file);
		assertThat(result.ok()).isTrue();
		assertThat(result.linesChecked()).isEqualTo(2);
	}

	@Test
	void shouldReportEditOfNonAsciiCharacter() {
		Path file = this.dir.resolve("audit.jsonl");
		try (AuditTrailWriter writer = TestTrails.writer(file)) {
			writer.onExchange(record());
		}
		TestTrails.rewrite(file, List.of(TestTrails.lines(file).get(0).replaceFirst("Grüße", "Grüsse")));
		assertThat(TestTrails.verify(file).problems()).extracting(VerificationResult.Problem::reason)
			.containsExactly(ChainCheck.EDITED);
	}

	private static ExchangeRecord record() {
		ExchangeContent content = new ExchangeContent("full", null, List.of(message()), null, false, null, null);
		return new ExchangeRecord(new ExchangeIds("ex-1", TEXT, null, null, null, null),
				new ExchangeRequest("chat", "openai", "gpt-4o-mini", null, null, null, false, Map.of(), null, null,
						null),
				new ExchangeResponse(null, null, List.of(), false), new TokenUsage(3, 4),
				new Timing(Instant.parse("2026-01-02T03:04:05Z"), 1_000_000L, null), Outcome.SUCCESS, null, null,
				content, null);
	}

	private static Map<String, Object> message() {
		// Keys that look like the chain fields must not confuse reading them
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("role", "user");
		message.put("content", TEXT);
		message.put("audit.segment", "start");
		message.put("audit.seq", 99);
		message.put("audit.prev", "0".repeat(64));
		return message;
	}

}
