package dev.llmtracing.autoconfigure;

import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.MdcKeys;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the defaults of the {@code llm.tracing.ids.*-mdc-key} properties, which the
 * configuration metadata needs as literals, are the library's {@link MdcKeys#DEFAULT}.
 *
 * @author llm-tracing
 */
class MdcKeyDefaultsTests {

	@Test
	void shouldDefaultToTheLibraryMdcKeys() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LlmTracingAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(IdScopes.class).getKeys()).isEqualTo(MdcKeys.DEFAULT));
	}

}
