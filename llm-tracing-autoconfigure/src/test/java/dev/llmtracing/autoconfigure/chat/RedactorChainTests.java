package dev.llmtracing.autoconfigure.chat;

import java.util.List;

import dev.llmtracing.redact.PiiMasker;
import dev.llmtracing.redact.Placeholders;
import dev.llmtracing.support.InstrumentedComponent;
import dev.llmtracing.support.InstrumentationFailures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedactorChain}.
 *
 * @author llm-tracing
 */
class RedactorChainTests {

	private final PiiMasker masker = PiiMasker.of(PiiMasker.DETECTORS);

	@Test
	void chainShouldDropTheTextWhenARedactorFails() {
		InstrumentationFailures failures = new InstrumentationFailures();
		RedactorChain chain = new RedactorChain(List.of(this.masker, (text) -> {
			throw new IllegalStateException("dictionary unavailable");
		}), failures);
		assertThat(chain.redact("secret text of ana@example.com")).isEqualTo(Placeholders.REDACTION_FAILED);
		assertThat(failures.count(InstrumentedComponent.REDACTOR)).isEqualTo(1);
	}

	@Test
	void chainShouldRunUserRedactorsAfterTheMasker() {
		RedactorChain chain = new RedactorChain(List.of(this.masker, (text) -> text.replace("Ana", "[NAME]")),
				new InstrumentationFailures());
		assertThat(chain.redact("Ana wrote from ana@example.com")).isEqualTo("[NAME] wrote from [EMAIL]");
	}

}
