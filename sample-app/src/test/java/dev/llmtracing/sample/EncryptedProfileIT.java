package dev.llmtracing.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.llmtracing.crypto.AesGcmContentEncryptor;
import dev.llmtracing.crypto.KeyRing;
import dev.llmtracing.replay.EncryptedRecords;
import dev.llmtracing.sample.support.SampleApp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample application with its {@code encrypted} profile, as
 * docs/encryption-and-replay.md tells a newcomer to, and checks the three steps it shows:
 * a request is recorded with its content encrypted under the profile's demo key, the
 * record decrypts with that key, and the {@code llmreplay} endpoint replays it from the
 * audit trail.
 *
 * @author llm-tracing
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.log.json-file=target/encrypted-it.json",
				"llm.tracing.audit.file=target/encrypted-it-audit.jsonl" })
@ActiveProfiles("encrypted")
class EncryptedProfileIT {

	/** The demo key of the profile in application.yml, as the docs print it. */
	private static final String DEMO_KEY = "Z+RS8TIdXuzCA2hMx3hXtbBwRjdi8Fkh3lOluZ81qBI=";

	private static final Path jsonLog = SampleApp.freshLog(Path.of("target/encrypted-it.json"));

	private static final Path auditTrail = SampleApp.freshLog(Path.of("target/encrypted-it-audit.jsonl"));

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		SampleApp.standInOnFreePort(registry);
	}

	@Test
	void requestIsRecordedEncryptedAndReplaysFromTheAuditTrail() throws IOException {
		RestClient client = SampleApp.client(this.port);
		String answer = SampleApp.post(client, "/chat", "Diagnosis for patient 4711?", "enc-req-1", null, null)
			.getBody();
		await().atMost(Duration.ofSeconds(10)).until(() -> SampleApp.exchangeRecords(jsonLog).size() == 1);
		List<String> lines = Files.readAllLines(jsonLog);
		assertThat(lines)
			.filteredOn((line) -> line.contains("\"enc-req-1\"") && line.contains("\"llm.tracing.exchange\""))
			.singleElement()
			.satisfies((line) -> {
				assertThat(line).contains("\"llm.content.mode\":\"encrypted\"", "\"kid\":\"demo\"")
					.doesNotContain("patient 4711", "gen_ai.input.messages");
			});
		Map<String, Object> record = SampleApp.exchangeRecords(jsonLog).get(0);
		Map<String, Object> clear = new EncryptedRecords(
				new AesGcmContentEncryptor(KeyRing.of("demo", "demo", Map.of("demo", DEMO_KEY))))
			.decrypt(record);
		assertThat(String.valueOf(clear.get("gen_ai.input.messages"))).contains("Diagnosis for patient 4711?");
		String exchangeId = (String) record.get("exchangeId");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> Files.exists(auditTrail) && Files.readString(auditTrail).contains(exchangeId));
		Map<String, Object> report = client.post()
			.uri("/actuator/llmreplay")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("exchangeId", exchangeId))
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(report).containsEntry("originalExchangeId", exchangeId)
			.containsEntry("identical", true)
			.containsEntry("replayCompletion", answer);
	}

}
