package dev.llmtracing.openai;

import java.io.IOException;
import java.time.Duration;

import dev.llmtracing.standin.StandInModelServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StreamLinkHeaderRemover} with a real OkHttp client and the stand-in
 * model server.
 *
 * @author llm-tracing
 */
class StreamLinkHeaderRemoverTests {

	private static StandInModelServer server;

	@BeforeAll
	static void startServer() throws IOException {
		server = StandInModelServer.start(0, Duration.ZERO);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void linkHeaderNeverLeavesTheClientAndOtherHeadersDo() throws IOException {
		OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new StreamLinkHeaderRemover()).build();
		Request request = StandInCalls.chatCompletion(server).header(StreamLinkHeader.NAME, "marker-1").build();
		try (Response response = client.newCall(request).execute()) {
			assertThat(response.code()).isEqualTo(200);
		}
		assertThat(server.getRequestHeaders()).hasSize(1);
		StandInCalls.assertLinkHeaderNotReceived(server);
	}

}
