package dev.llmtracing.record;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonText}: the fixed form that the audit trail's hash chain relies on,
 * and strings that any JSON parser reads back as they were.
 *
 * @author llm-tracing
 */
class JsonTextTests {

	@Test
	void writesTheDocumentedForm() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("b", 1);
		value.put("a", List.of(true, 2L, new BigDecimal("0.000120"), 1.5, Double.NaN));
		value.put("n", null);
		assertThat(JsonText.write(value)).isEqualTo("{\"b\":1,\"a\":[true,2,0.000120,1.5,null],\"n\":null}");
	}

	@Test
	void escapesQuotesBackslashesAndControlCharacters() {
		assertThat(JsonText.write("say \"hi\"\\ \n\r\t\b\f\u0001\u001f end"))
			.isEqualTo("\"say \\\"hi\\\"\\\\ \\n\\r\\t\\b\\f\\u0001\\u001f end\"");
	}

	@Test
	void escapesLineAndParagraphSeparatorsAndKeepsOtherCharacters() {
		assertThat(JsonText.write("a\u2028b\u2029c é 世界 😀")).isEqualTo("\"a\\u2028b\\u2029c é 世界 😀\"");
	}

	@Test
	void escapesAtTheStartAndEndAndBackToBack() {
		assertThat(JsonText.write("\"\"")).isEqualTo("\"\\\"\\\"\"");
		assertThat(JsonText.write("\nx\n")).isEqualTo("\"\\nx\\n\"");
		assertThat(JsonText.write("")).isEqualTo("\"\"");
	}

	@Test
	void everyCharacterReadsBackAsItWas() {
		StringBuilder all = new StringBuilder();
		for (char ch = 0; ch < 0x3000; ch++) {
			all.append(ch);
		}
		String text = all + "x".repeat(5000) + all;
		String read = JsonMapper.builder()
			.build()
			.readValue(JsonText.write(Map.of("t", text)), Map.class)
			.get("t")
			.toString();
		assertThat(read).isEqualTo(text);
	}

}
