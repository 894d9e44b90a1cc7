package dev.llmtracing.content;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ContentDigests}: long texts encoded in pieces give the digest of the
 * bytes of the whole text.
 *
 * @author llm-tracing
 */
class ContentDigestsTests {

	@Test
	void digestIsOfTheUtf8BytesOfEachTextFollowedByNul() throws Exception {
		List<String> texts = List.of("", "Grüße, 世界", "x".repeat(8192), "é".repeat(8193));
		assertThat(ContentDigests.sha256(texts)).isEqualTo(reference(texts));
	}

	@Test
	void longTextsAcrossChunksGiveTheSameDigest() throws Exception {
		// Three-byte and surrogate-pair characters across the piece boundaries.
		String text = "a€😀".repeat(5000);
		List<String> texts = List.of("short", text, "é".repeat(3000), "end");
		assertThat(ContentDigests.sha256(texts)).isEqualTo(reference(texts));
	}

	@Test
	void surrogatePairsAcrossAPieceBoundaryAndLoneSurrogatesGiveTheBytesOfTheWholeText() throws Exception {
		String pairAtTheBoundary = "a".repeat(8191) + "😀" + "b".repeat(10);
		String loneSurrogates = "x\uD800y" + "c".repeat(8188) + "\uD800z" + "\uD83D" + "\uDE00".repeat(2) + "\uD800";
		List<String> texts = List.of(pairAtTheBoundary, loneSurrogates);
		assertThat(ContentDigests.sha256(texts)).isEqualTo(reference(texts));
	}

	@Test
	void orderAndBoundariesOfTheTextsCount() {
		assertThat(ContentDigests.sha256(List.of("ab", "c"))).isNotEqualTo(ContentDigests.sha256(List.of("a", "bc")))
			.isNotEqualTo(ContentDigests.sha256(List.of("c", "ab")));
	}

	@Test
	void anEntryMatchesTheTextsItWasMadeOfAndNoOthers() {
		Map<String, Object> entry = ContentDigests.of(List.of("Be brief.", "What now?"));
		assertThat(ContentDigests.matches(entry, List.of("Be brief.", "What now?"))).isTrue();
		assertThat(ContentDigests.matches(entry, List.of("Be brief.", "What now"))).isFalse();
		assertThat(ContentDigests.matches(Map.of("chars", 18L), List.of("Be brief.", "What now?"))).isFalse();
	}

	private static String reference(List<String> texts) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (String text : texts) {
			bytes.write(text.getBytes(StandardCharsets.UTF_8));
			bytes.write(0);
		}
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
	}

}
