package dev.llmtracing.autoconfigure.quality;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CanaryExpectations}.
 *
 * @author llm-tracing
 */
class CanaryExpectationsTests {

	@Test
	void shouldPassAnAnswerThatMeetsEveryExpectation() {
		CanaryExpectations expect = new CanaryExpectations(List.of("Paris"), List.of("sorry"),
				Pattern.compile("capital.*France"), null, null);
		assertThat(expect.failures("The capital of France is Paris.")).isEmpty();
	}

	@Test
	void shouldNameEachFailedExpectation() {
		CanaryExpectations expect = new CanaryExpectations(List.of("Paris", "France"), List.of("SORRY"),
				Pattern.compile("^\\d+$"), null, null);
		assertThat(expect.failures("I'm sorry, but I can't help with France.")).containsExactly(
				"contains: the answer does not contain 'Paris'", "not-contains: the answer contains 'SORRY'",
				"regex: the answer does not match ^\\d+$");
	}

	@Test
	void shouldCompareTheDigestOfTheAnswer() {
		String digestOfAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
		assertThat(new CanaryExpectations(List.of(), List.of(), null, null, digestOfAbc).failures("abc")).isEmpty();
		assertThat(new CanaryExpectations(List.of(), List.of(), null, null, digestOfAbc.toUpperCase()).failures("abc"))
			.isEmpty();
		assertThat(new CanaryExpectations(List.of(), List.of(), null, null, digestOfAbc).failures("abd"))
			.singleElement()
			.asString()
			.startsWith("digest: the answer's digest is ");
	}

	@Test
	void shouldCheckTheAnswerAgainstAJsonSchema() {
		JsonSchemaCheck schema = new JsonSchemaCheck("""
				{"type": "object", "required": ["city"], "properties": {"city": {"type": "string"}}}""");
		CanaryExpectations expect = new CanaryExpectations(List.of(), List.of(), null, schema, null);
		assertThat(expect.failures("{\"city\": \"Kyoto\"}")).isEmpty();
		assertThat(expect.failures("```json\n{\"city\": \"Kyoto\"}\n```")).isEmpty();
		assertThat(expect.failures("{\"town\": \"Kyoto\"}")).singleElement().asString().startsWith("json-schema: ");
		assertThat(expect.failures("Kyoto")).containsExactly("json-schema: the answer is not JSON");
	}

}
