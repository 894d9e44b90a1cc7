package dev.llmtracing.autoconfigure.chat;

import java.util.ArrayList;
import java.util.List;

import dev.llmtracing.autoconfigure.chat.FirstChunkTimer.FirstChunk;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FirstChunkTimer}: which model call a chunk counts for, and when the
 * time to first chunk is handed to its reader.
 *
 * @author llm-tracing
 */
class FirstChunkTimerTests {

	private final FirstChunkTimer timer = new FirstChunkTimer();

	private final List<@Nullable Long> read = new ArrayList<>();

	@Test
	void callWhoseFirstChunkArrivedBeforeItStoppedIsReadAtOnce() {
		long start = System.nanoTime();
		FirstChunk call = this.timer.restart(start);
		this.timer.onChunk(chunk("Hello"));
		call.read(true, this.read::add);
		assertThat(this.read).singleElement().satisfies((nanos) -> assertThat(nanos).isPositive());
	}

	@Test
	void callThatStoppedBeforeItsFirstChunkCrossedIsReadWhenTheChunkArrives() {
		long start = System.nanoTime();
		FirstChunk call = this.timer.restart(start);
		call.read(true, this.read::add);
		assertThat(this.read).isEmpty();
		long beforeChunk = System.nanoTime();
		this.timer.onChunk(chunk("Hello"));
		assertThat(this.read).singleElement()
			.satisfies((nanos) -> assertThat(nanos).isGreaterThanOrEqualTo(beforeChunk - start));
		this.timer.onChunk(chunk("again"));
		this.timer.close();
		assertThat(this.read).hasSize(1);
	}

	@Test
	void chunksWithoutContentAreNoFirstChunk() {
		FirstChunk call = this.timer.restart(System.nanoTime());
		call.read(true, this.read::add);
		this.timer.onChunk(chunk(""));
		this.timer.onChunk(null);
		assertThat(this.read).isEmpty();
		this.timer.onChunk(chunk("text"));
		assertThat(this.read).singleElement().isNotNull();
	}

	@Test
	void callWithoutContentHasNoTimeAndDoesNotWait() {
		FirstChunk call = this.timer.restart(System.nanoTime());
		call.read(false, this.read::add);
		assertThat(this.read).containsExactly((Long) null);
	}

	@Test
	void nextCallEndsTheWaitOfTheCallBeforeAndTakesTheChunksFromThen() {
		long firstStart = System.nanoTime();
		FirstChunk first = this.timer.restart(firstStart);
		first.read(true, this.read::add);
		long secondStart = System.nanoTime();
		FirstChunk second = this.timer.restart(secondStart);
		assertThat(this.read).containsExactly((Long) null);
		this.timer.onChunk(chunk("answer"));
		second.read(true, this.read::add);
		assertThat(this.read).hasSize(2);
		assertThat(this.read.get(1)).isNotNull();
	}

	@Test
	void callThatStopsAfterTheNextOneStartedHasNoTime() {
		long firstStart = System.nanoTime();
		FirstChunk first = this.timer.restart(firstStart);
		this.timer.restart(System.nanoTime());
		this.timer.onChunk(chunk("the second call's answer"));
		first.read(true, this.read::add);
		assertThat(this.read).containsExactly((Long) null);
	}

	@Test
	void streamThatEndsBeforeTheFirstChunkGivesNoTime() {
		FirstChunk call = this.timer.restart(System.nanoTime());
		call.read(true, this.read::add);
		this.timer.close();
		assertThat(this.read).containsExactly((Long) null);
		FirstChunk after = this.timer.restart(System.nanoTime());
		this.timer.close();
		after.read(true, this.read::add);
		assertThat(this.read).containsExactly(null, null);
	}

	@Test
	void chunkBeforeTheCallStartedIsNoFirstChunkOfIt() {
		FirstChunk call = this.timer.restart(System.nanoTime() + 1_000_000_000L);
		this.timer.onChunk(chunk("Hello"));
		call.read(true, this.read::add);
		assertThat(this.read).containsExactly((Long) null);
	}

	private static ChatResponse chunk(String text) {
		return new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
	}

}
