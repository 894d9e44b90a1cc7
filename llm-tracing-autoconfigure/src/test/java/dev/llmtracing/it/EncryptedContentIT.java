package dev.llmtracing.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.llmtracing.crypto.AesGcmContentEncryptor;
import dev.llmtracing.crypto.ContentDecryptionException;
import dev.llmtracing.crypto.ContentEncryptor;
import dev.llmtracing.crypto.EncryptedContent;
import dev.llmtracing.crypto.KeyRing;
import dev.llmtracing.record.ExchangeFields;
import dev.llmtracing.record.RecordSchema;
import dev.llmtracing.replay.ExchangeReplayer;
import dev.llmtracing.replay.ReplayReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Encrypted content end to end: the record holds only ciphertext, the key holder reads it
 * (the {@code decrypt} command of {@code llm-tracing-tools} is tested there, on records
 * encrypted the same way), and the replayer (which has the key) reproduces the exchange.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = CaptureTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "llm.tracing.content.mode=encrypted", "llm.tracing.content.encryption.active-key-id=k2",
				"llm.tracing.content.encryption.keys.k1=" + EncryptedContentIT.KEY_1,
				"llm.tracing.content.encryption.keys.k2=" + EncryptedContentIT.KEY_2 })
class EncryptedContentIT extends StandInModelIT {

	static final String KEY_1 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	static final String KEY_2 = "HyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4=";

	@LocalServerPort
	private int port;

	@Autowired
	private ChatModel chatModel;

	@Autowired
	private ExchangeReplayer replayer;

	@BeforeEach
	void clear() {
		capture.clear();
	}

	@Test
	void recordHoldsOnlyCiphertextWhichTheKeyHolderCanReadAndReplay() throws Exception {
		RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/call")
			.contentType(MediaType.TEXT_PLAIN)
			.body("Confidential diagnosis for patient 4711")
			.retrieve()
			.toBodilessEntity();
		await().atMost(Duration.ofSeconds(10)).until(() -> capture.records().size() == 1);
		Map<String, Object> record = capture.records().get(0);
		String line = capture.renderedLines()
			.stream()
			.filter((rendered) -> rendered.contains("llm.tracing.exchange"))
			.findFirst()
			.orElseThrow();
		assertThat(line).doesNotContain("Confidential").doesNotContain("diagnosis").contains("\"kid\":\"k2\"");
		assertThat(record).containsEntry("llm.content.mode", "encrypted").doesNotContainKey("gen_ai.input.messages");
		RecordSchema.assertValid(line);

		@SuppressWarnings("unchecked")
		EncryptedContent content = EncryptedContent
			.fromFields((Map<String, ?>) record.get(ExchangeFields.CONTENT_ENCRYPTED));
		String plaintext = new String(decryptor(KEY_2).decrypt(content), StandardCharsets.UTF_8);
		assertThat(plaintext).contains("Confidential diagnosis for patient 4711")
			.contains("gen_ai.output.messages")
			.doesNotContain(ExchangeFields.CONTENT_ENCRYPTED);
		assertThatExceptionOfType(ContentDecryptionException.class).isThrownBy(() -> decryptor(KEY_1).decrypt(content))
			.withMessageContaining("authentication failed");

		capture.clear();
		ReplayReport report = this.replayer.replay(record, this.chatModel, null, false);
		assertThat(report.identical()).as(report.toString()).isTrue();
		assertThat(report.replayCompletion()).isEqualTo("Stand-in reply to: Confidential diagnosis for patient 4711");
		assertThat(List.of(KEY_1, KEY_2))
			.noneMatch((key) -> capture.renderedLines().stream().anyMatch((l) -> l.contains(key)));
	}

	private static ContentEncryptor decryptor(String key) {
		return new AesGcmContentEncryptor(KeyRing.of("test", "k2", Map.of("k2", key)));
	}

}
