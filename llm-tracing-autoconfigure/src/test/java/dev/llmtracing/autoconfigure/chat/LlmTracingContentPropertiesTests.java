package dev.llmtracing.autoconfigure.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.content.ContentCapture;
import dev.llmtracing.content.ContentMode;
import dev.llmtracing.record.RecordSchema;
import dev.llmtracing.autoconfigure.content.LlmTracingMaskingProperties;
import dev.llmtracing.redact.PhoneRegions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the {@code llm.tracing.content.*} properties: defaults, the start-up warning
 * and the failures on invalid values.
 *
 * @author llm-tracing
 */
@ExtendWith(OutputCaptureExtension.class)
class LlmTracingContentPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(LlmTracingAutoConfiguration.class, LlmTracingChatAutoConfiguration.class));

	@Test
	void contentIsOffByDefaultAndNothingIsWarned(CapturedOutput output) {
		this.runner
			.run((context) -> assertThat(context.getBean(ContentCapture.class).getMode()).isEqualTo(ContentMode.NONE));
		assertThat(output).doesNotContain("llm.tracing.content.mode");
	}

	@Test
	void fullContentWarnsOnceNamingTheProperty(CapturedOutput output) {
		this.runner.withPropertyValues("llm.tracing.content.mode=full")
			.run((context) -> assertThat(context.getBean(ContentCapture.class).getMode()).isEqualTo(ContentMode.FULL));
		assertThat(output).containsOnlyOnce("llm.tracing.content.mode=full: prompts and completions are written");
	}

	@Test
	void unmaskedContentWarnsLouder(CapturedOutput output) {
		this.runner.withPropertyValues("llm.tracing.content.mode=full", "llm.tracing.content.masking.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("UNMASKED");
	}

	@Test
	void userPatternsMaskInTheirOrderAfterTheBuiltInDetectors() {
		this.runner
			.withPropertyValues("llm.tracing.content.mode=full",
					"llm.tracing.content.masking.patterns[0].regex=EMP-\\d{6}",
					"llm.tracing.content.masking.patterns[0].placeholder=[EMPLOYEE_ID]",
					"llm.tracing.content.masking.patterns[1].regex=EMP-\\d+")
			.run((context) -> assertThat(context.getBean(ContentCapture.class)
				.captureText("EMP-123456 and EMP-42 wrote from bob@example.org", 200))
				.isEqualTo("[EMPLOYEE_ID] and [REDACTED] wrote from [EMAIL]"));
	}

	@Test
	void invalidPatternFailsNamingIt() {
		this.runner
			.withPropertyValues("llm.tracing.content.mode=full", "llm.tracing.content.masking.patterns[0].regex=(abc")
			.run((context) -> assertThat(context.getStartupFailure()).hasStackTraceContaining(
					"llm.tracing.content.masking.patterns[0].regex is not a valid regular expression"));
	}

	@Test
	void patternWithoutRegexFails() {
		this.runner.withPropertyValues("llm.tracing.content.masking.patterns[0].placeholder=[X]")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("llm.tracing.content.masking.patterns[0].regex must be set"));
	}

	@Test
	void unknownPhoneRegionFailsNamingThePropertyAndTheFix() {
		this.runner.withPropertyValues("llm.tracing.content.masking.phone-regions=GB,XX")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("llm.tracing.content.masking.phone-regions has unknown region codes [XX]")
				.hasMessageContaining("use ISO 3166-1 alpha-2 codes"));
	}

	@Test
	void phoneRegionsAreCaseInsensitiveAndDefaultToTheDocumentedRegions() {
		assertThat(new LlmTracingMaskingProperties().getPhoneRegions()).isEqualTo(PhoneRegions.DEFAULT);
		this.runner.withPropertyValues("llm.tracing.content.mode=full", "llm.tracing.content.masking.phone-regions=gb")
			.run((context) -> assertThat(context.getBean(ContentCapture.class).getMode()).isEqualTo(ContentMode.FULL));
	}

	@Test
	void tooSmallLimitsFail() {
		this.runner.withPropertyValues("llm.tracing.content.max-field-length=4")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("llm.tracing.content.max-field-length must be between 32"));
		this.runner.withPropertyValues("llm.tracing.content.max-record-size=100B")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("llm.tracing.content.max-record-size must be at least 1KB"));
	}

	@Test
	void unknownModeFails() {
		this.runner.withPropertyValues("llm.tracing.content.mode=everything")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("Failed to bind properties under 'llm.tracing.content.mode'"));
	}

	@Test
	void documentedSchemaIsTheShippedOne() throws IOException {
		String shipped = new ClassPathResource(RecordSchema.LOCATION.substring(1))
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(Files.readString(Path.of("../docs/exchange-record.schema.json"))).isEqualTo(shipped);
	}

}
