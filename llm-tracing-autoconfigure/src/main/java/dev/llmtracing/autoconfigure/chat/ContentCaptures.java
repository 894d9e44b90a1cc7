package dev.llmtracing.autoconfigure.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.llmtracing.autoconfigure.content.LlmTracingContentProperties;
import dev.llmtracing.autoconfigure.content.LlmTracingMaskingProperties;
import dev.llmtracing.content.ContentCapture;
import dev.llmtracing.content.ContentMode;
import dev.llmtracing.crypto.ContentEncryptor;
import dev.llmtracing.redact.PhoneRegions;
import dev.llmtracing.redact.PiiMasker;
import dev.llmtracing.redact.Redactor;
import dev.llmtracing.support.InstrumentationFailures;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link ContentCapture} from {@code llm.tracing.content.*}, warning once at
 * start-up when content is captured and failing with a clear message on a bad pattern.
 *
 * @author llm-tracing
 */
final class ContentCaptures {

	private static final Log logger = LogFactory.getLog(ContentCaptures.class);

	/**
	 * Bytes of a record kept for everything but the captured messages.
	 */
	private static final int RESERVE_BYTES = 2048;

	private ContentCaptures() {
	}

	static ContentCapture from(LlmTracingContentProperties content, LlmTracingMaskingProperties masking,
			List<Redactor> userRedactors, InstrumentationFailures failures, @Nullable ContentEncryptor encryptor) {
		warn(content.getMode(), masking.isEnabled());
		if (content.getMode() == ContentMode.ENCRYPTED && encryptor == null) {
			throw new IllegalStateException("llm.tracing.content.mode=encrypted needs keys: set "
					+ "llm.tracing.content.encryption.active-key-id and llm.tracing.content.encryption.keys.<id>, "
					+ "or define a ContentEncryptor bean");
		}
		return capture(content.getMode(), content, masking, userRedactors, failures, encryptor,
				capturesText(content.getMode()));
	}

	static ContentCapture forSpans(LlmTracingContentProperties content, LlmTracingMaskingProperties masking,
			List<Redactor> userRedactors, InstrumentationFailures failures) {
		logger.warn("llm.tracing.content.on-spans=true: prompts and completions are put on model spans as "
				+ "gen_ai.input.messages and gen_ai.output.messages" + (masking.isEnabled() ? ", masked and truncated."
						: " UNMASKED (llm.tracing.content.masking.enabled=false)."));
		// The records have warned already if they capture text too
		return capture(ContentMode.FULL, content, masking, userRedactors, failures, null,
				!capturesText(content.getMode()));
	}

	private static ContentCapture capture(ContentMode mode, LlmTracingContentProperties content,
			LlmTracingMaskingProperties masking, List<Redactor> userRedactors, InstrumentationFailures failures,
			@Nullable ContentEncryptor encryptor, boolean warn) {
		List<Redactor> redactors = new ArrayList<>();
		if (masking.isEnabled()) {
			redactors.add(PiiMasker.of(detectors(masking), phoneRegions(masking, warn), patterns(masking)));
		}
		redactors.addAll(userRedactors);
		int maxContentBytes = (int) Math.max(512, content.getMaxRecordSize().toBytes() - RESERVE_BYTES);
		return new ContentCapture(mode, new RedactorChain(redactors, failures), content.getMaxFieldLength(),
				maxContentBytes, encryptor);
	}

	private static boolean capturesText(ContentMode mode) {
		return mode == ContentMode.FULL || mode == ContentMode.ENCRYPTED;
	}

	/**
	 * Return the phone regions, which {@link LlmTracingMaskingProperties} has upper-cased
	 * and validated, and warn when libphonenumber is missing: phone numbers are then
	 * found by their format only.
	 */
	private static List<String> phoneRegions(LlmTracingMaskingProperties masking, boolean warn) {
		if (warn && masking.isPhone() && !PhoneRegions.isLibraryPresent()) {
			logger.warn("libphonenumber is not on the class path: phone numbers are masked only when written with '+' "
					+ "and a country code or in three or more groups, and llm.tracing.content.masking.phone-regions "
					+ "is not used. Add com.googlecode.libphonenumber:libphonenumber to mask national numbers such "
					+ "as 0115 4960446.");
		}
		return masking.getPhoneRegions();
	}

	private static void warn(ContentMode mode, boolean masked) {
		if (mode == ContentMode.FULL && masked) {
			logger.warn("llm.tracing.content.mode=full: prompts and completions are written to the exchange records, "
					+ "masked and truncated. Set llm.tracing.content.mode=none (the default) or digest to keep them out.");
		}
		else if (mode == ContentMode.FULL) {
			logger.warn("llm.tracing.content.mode=full with llm.tracing.content.masking.enabled=false: prompts and "
					+ "completions are written to the exchange records UNMASKED, personal data and secrets included.");
		}
		else if (mode == ContentMode.ENCRYPTED) {
			logger.warn(
					"llm.tracing.content.mode=encrypted: prompts and completions are written to the exchange records, "
							+ (masked ? "masked, truncated and "
									: "UNMASKED (llm.tracing.content.masking.enabled=false), ")
							+ "encrypted with AES-256-GCM; only holders of the keys can read them.");
		}
		else if (mode == ContentMode.DIGEST) {
			logger
				.warn("llm.tracing.content.mode=digest: SHA-256 digests of prompts and completions are written to the "
						+ "exchange records (no text). Set llm.tracing.content.mode=none to leave them out.");
		}
	}

	private static Set<String> detectors(LlmTracingMaskingProperties masking) {
		Set<String> enabled = new HashSet<>();
		add(enabled, "email", masking.isEmail());
		add(enabled, "phone", masking.isPhone());
		add(enabled, "card", masking.isCard());
		add(enabled, "iban", masking.isIban());
		add(enabled, "ip", masking.isIp());
		add(enabled, "jwt", masking.isJwt());
		add(enabled, "secrets", masking.isSecrets());
		return enabled;
	}

	private static void add(Set<String> enabled, String name, boolean on) {
		if (on) {
			enabled.add(name);
		}
	}

	private static List<Map.Entry<Pattern, String>> patterns(LlmTracingMaskingProperties masking) {
		List<Map.Entry<Pattern, String>> patterns = new ArrayList<>();
		for (LlmTracingMaskingProperties.MaskPattern pattern : masking.getPatterns()) {
			patterns.add(Map.entry(Pattern.compile(pattern.getRegex()), pattern.getPlaceholder()));
		}
		return patterns;
	}

}
