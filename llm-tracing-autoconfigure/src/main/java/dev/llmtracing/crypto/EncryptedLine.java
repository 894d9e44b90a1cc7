package dev.llmtracing.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.llmtracing.record.ExchangeFields;
import org.jspecify.annotations.Nullable;

/**
 * The {@code "llm.content.encrypted":{...}} member of one JSON line, found with string
 * operations only, and the line with the decrypted members spliced in its place. The
 * object's members must be strings without escapes other than {@code \"}, {@code \\} and
 * {@code \/}; any order and white space are accepted.
 *
 * @author llm-tracing
 */
final class EncryptedLine {

	private static final String MARKER = "\"" + ExchangeFields.CONTENT_ENCRYPTED + "\"";

	private final String line;

	private final int start;

	private int position;

	private EncryptedLine(String line, int start) {
		this.line = line;
		this.start = start;
	}

	/**
	 * Find the encrypted content of a line.
	 * @param line the line
	 * @return the encrypted content, or {@code null} if the line has none
	 * @throws ContentDecryptionException if the content is malformed
	 */
	static @Nullable EncryptedLine find(String line) {
		for (int at = line.indexOf(MARKER); at >= 0; at = line.indexOf(MARKER, at + 1)) {
			EncryptedLine found = new EncryptedLine(line, at);
			found.position = at + MARKER.length();
			if (!found.escaped() && found.skip(':')) {
				return found;
			}
		}
		return null;
	}

	/**
	 * Read the encrypted content and move past it.
	 * @return the encrypted content
	 * @throws ContentDecryptionException if the content is malformed
	 */
	EncryptedContent content() {
		expect('{');
		Map<String, String> fields = new LinkedHashMap<>(8);
		if (!skip('}')) {
			do {
				String name = string();
				expect(':');
				fields.put(name, string());
			}
			while (skip(','));
			expect('}');
		}
		return EncryptedContent.fromFields(fields);
	}

	/**
	 * Return the line with the members of a JSON object in place of the encrypted
	 * content. Call after {@link #content()}.
	 * @param json the text of a JSON object
	 * @return the new line
	 * @throws ContentDecryptionException if the text is not a JSON object
	 */
	String splice(String json) {
		String object = json.strip();
		if (object.length() < 2 || object.charAt(0) != '{' || object.charAt(object.length() - 1) != '}') {
			throw new ContentDecryptionException("the plaintext is not a JSON object");
		}
		// Line breaks are white space between JSON tokens (a string cannot hold one):
		// keep one line
		String members = object.substring(1, object.length() - 1).strip().replace('\n', ' ').replace('\r', ' ');
		int from = this.start;
		int to = this.position;
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

	private boolean escaped() {
		int backslashes = 0;
		for (int i = this.start - 1; i >= 0 && this.line.charAt(i) == '\\'; i--) {
			backslashes++;
		}
		return backslashes % 2 == 1;
	}

	private String string() {
		expect('"');
		StringBuilder value = new StringBuilder(64);
		while (this.position < this.line.length()) {
			char ch = this.line.charAt(this.position++);
			if (ch == '"') {
				return value.toString();
			}
			if (ch == '\\' && this.position < this.line.length()
					&& "\"\\/".indexOf(this.line.charAt(this.position)) >= 0) {
				ch = this.line.charAt(this.position++);
			}
			else if (ch == '\\' || ch < 0x20) {
				throw malformed();
			}
			value.append(ch);
		}
		throw malformed();
	}

	private void expect(char ch) {
		if (!skip(ch)) {
			throw malformed();
		}
	}

	private boolean skip(char ch) {
		int at = forward(this.position);
		if (at < this.line.length() && this.line.charAt(at) == ch) {
			this.position = at + 1;
			return true;
		}
		return false;
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

	private ContentDecryptionException malformed() {
		return new ContentDecryptionException(
				"malformed " + ExchangeFields.CONTENT_ENCRYPTED + " at column " + (this.position + 1));
	}

}
