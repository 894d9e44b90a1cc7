package dev.llmtracing.tools.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.llmtracing.crypto.ContentDecryptionException;
import dev.llmtracing.crypto.EncryptedContent;
import dev.llmtracing.record.ExchangeFields;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code "llm.content.encrypted":{...}} member of one JSON line, read with Jackson,
 * and the line with the decrypted members spliced in its place. The rest of the line is
 * kept as it is: it is not read past the member, nor written again.
 *
 * @author llm-tracing
 */
final class EncryptedLine {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final String line;

	private final int start;

	private final Map<String, String> fields = new LinkedHashMap<>(8);

	private int end;

	private int malformedAt;

	private EncryptedLine(String line, int start) {
		this.line = line;
		this.start = start;
	}

	/**
	 * Find the encrypted content of a line: the first member named
	 * {@code llm.content.encrypted}, at any depth.
	 * @param line the line
	 * @return the encrypted content, or {@code null} if the line has none, or is not JSON
	 * up to it
	 */
	static @Nullable EncryptedLine find(String line) {
		try (JsonParser parser = mapper.createParser(line)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.PROPERTY_NAME && ExchangeFields.CONTENT_ENCRYPTED.equals(parser.currentName())) {
					EncryptedLine found = new EncryptedLine(line, offset(parser.currentTokenLocation()));
					found.read(parser);
					return found;
				}
			}
		}
		catch (JacksonException ex) {
			// Not JSON before any encrypted content: printed as it is
		}
		return null;
	}

	private void read(JsonParser parser) {
		try {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				this.malformedAt = column(parser.currentTokenLocation());
				return;
			}
			for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
				String name = parser.currentName();
				if (parser.nextToken() != JsonToken.VALUE_STRING) {
					this.malformedAt = column(parser.currentTokenLocation());
					return;
				}
				this.fields.put(name, parser.getString());
			}
			this.end = offset(parser.currentLocation());
		}
		catch (JacksonException ex) {
			this.malformedAt = column(ex.getLocation());
		}
	}

	/**
	 * Return the encrypted content.
	 * @return the encrypted content
	 * @throws ContentDecryptionException if the content is malformed
	 */
	EncryptedContent content() {
		if (this.malformedAt > 0) {
			throw new ContentDecryptionException(
					"malformed " + ExchangeFields.CONTENT_ENCRYPTED + " at column " + this.malformedAt);
		}
		return EncryptedContent.fromFields(this.fields);
	}

	/**
	 * Return the line with the members of a JSON object in place of the encrypted
	 * content, as they are in its text. Call after {@link #content()}.
	 * @param json the text of a JSON object
	 * @return the new line
	 * @throws ContentDecryptionException if the text is not a JSON object
	 */
	String splice(String json) {
		JsonNode plaintext;
		try {
			plaintext = mapper.readTree(json);
		}
		catch (JacksonException ex) {
			plaintext = null;
		}
		if (plaintext == null || !plaintext.isObject()) {
			throw new ContentDecryptionException("the plaintext is not a JSON object");
		}
		String object = json.strip();
		// Line breaks are white space between JSON tokens (a string cannot hold one):
		// keep one line
		String members = object.substring(1, object.length() - 1).strip().replace('\n', ' ').replace('\r', ' ');
		int from = this.start;
		int to = this.end;
		if (members.isEmpty()) {
			int before = back(from - 1);
			int after = forward(to);
			if (before >= 0 && this.line.charAt(before) == ',') {
				from = before;
			}
			else if (after < this.line.length() && this.line.charAt(after) == ',') {
				to = after + 1;
			}
		}
		return this.line.substring(0, from) + members + this.line.substring(to);
	}

	private int forward(int at) {
		while (at < this.line.length() && Character.isWhitespace(this.line.charAt(at))) {
			at++;
		}
		return at;
	}

	private int back(int at) {
		while (at >= 0 && Character.isWhitespace(this.line.charAt(at))) {
			at--;
		}
		return at;
	}

	private static int offset(TokenStreamLocation location) {
		return Math.toIntExact(location.getCharOffset());
	}

	private static int column(@Nullable TokenStreamLocation location) {
		return (location != null && location.getColumnNr() > 0) ? location.getColumnNr() : 1;
	}

}
