package dev.llmtracing.autoconfigure.grpc;

import io.grpc.Metadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MetadataBaggage}.
 *
 * @author llm-tracing
 */
class MetadataBaggageTests {

	@Test
	void shouldReadDecodedValuesWithoutProperties() {
		MetadataBaggage baggage = baggage("tenant=acme, requestId = req%3A1;prop=x ,userId=a%20b");
		assertThat(baggage.read("requestId")).isEqualTo("req:1");
		assertThat(baggage.read("userId")).isEqualTo("a b");
		assertThat(baggage.read("contextId")).isNull();
		assertThat(baggage.read("tenant")).isEqualTo("acme");
	}

	@Test
	void shouldNotMatchKeysThatOnlyEndTheSame() {
		assertThat(baggage("xrequestId=1").read("requestId")).isNull();
	}

	@Test
	void shouldReadNothingWithoutBaggageOrFromAnOversizedOne() {
		assertThat(new MetadataBaggage(new Metadata()).read("requestId")).isNull();
		assertThat(baggage("requestId=1," + "x".repeat(9000)).read("requestId")).isNull();
	}

	@Test
	void shouldKeepAValueThatIsNotValidPercentEncoding() {
		assertThat(baggage("requestId=100%").read("requestId")).isEqualTo("100%");
	}

	private static MetadataBaggage baggage(String value) {
		Metadata metadata = new Metadata();
		metadata.put(MetadataBaggage.BAGGAGE, value);
		return new MetadataBaggage(metadata);
	}

}
