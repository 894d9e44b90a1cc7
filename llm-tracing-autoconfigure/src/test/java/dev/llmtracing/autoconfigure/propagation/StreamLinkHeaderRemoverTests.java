package dev.llmtracing.autoconfigure.propagation;

import java.io.IOException;

import dev.llmtracing.testsupport.StandInModel;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StreamLinkHeaderRemover} with a real OkHttp client and the stand-in
 * model server.
 *
 * @author llm-tracing
 */
class StreamLinkHeaderRemoverTests {

	@RegisterExtension
	static final StandInModel standIn = new StandInModel();

	@Test
	void linkHeaderNeverLeavesTheClientAndOtherHeadersDo() throws IOException {
		OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new StreamLinkHeaderRemover()).build();
		Request request = StandInCalls.chatCompletion(standIn.server())
			.header(StreamLinkHeader.NAME, "marker-1")
			.build();
		try (Response response = client.newCall(request).execute()) {
			assertThat(response.code()).isEqualTo(200);
		}
		assertThat(standIn.server().getRequestHeaders()).hasSize(1);
		StandInCalls.assertLinkHeaderNotReceived(standIn.server());
	}

}
