package dev.llmtracing.autoconfigure.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.llmtracing.autoconfigure.PropertyChecks;
import dev.llmtracing.redact.PhoneRegions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the masking of captured content.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.content.masking")
public class LlmTracingMaskingProperties implements Validator {

	/**
	 * Whether to mask captured content; switching it off keeps personal data and secrets
	 * in the records.
	 */
	private boolean enabled = true;

	/**
	 * Whether to mask e-mail addresses.
	 */
	private boolean email = true;

	/**
	 * Whether to mask phone numbers.
	 */
	private boolean phone = true;

	/**
	 * Regions whose national phone numbers are masked, as ISO 3166-1 alpha-2 codes
	 * (numbers written with '+' and a country code are masked whatever the list);
	 * validated with libphonenumber when it is on the class path.
	 */
	private List<String> phoneRegions = new ArrayList<>(
			List.of("US", "CA", "GB", "IE", "DE", "AT", "CH", "FR", "BE", "NL", "IT", "ES", "PT", "JP", "AU", "IN"));

	/**
	 * Whether to mask payment card numbers (Luhn-valid).
	 */
	private boolean card = true;

	/**
	 * Whether to mask IBANs (mod-97-valid).
	 */
	private boolean iban = true;

	/**
	 * Whether to mask IPv4 and IPv6 addresses.
	 */
	private boolean ip = true;

	/**
	 * Whether to mask JSON Web Tokens.
	 */
	private boolean jwt = true;

	/**
	 * Whether to mask API keys, bearer tokens and private keys.
	 */
	private boolean secrets = true;

	/**
	 * Additional patterns to mask, each a regular expression and its placeholder.
	 */
	private List<MaskPattern> patterns = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isEmail() {
		return this.email;
	}

	public void setEmail(boolean email) {
		this.email = email;
	}

	public boolean isPhone() {
		return this.phone;
	}

	public void setPhone(boolean phone) {
		this.phone = phone;
	}

	public List<String> getPhoneRegions() {
		return this.phoneRegions;
	}

	public void setPhoneRegions(List<String> phoneRegions) {
		this.phoneRegions = phoneRegions.stream().map((code) -> code.trim().toUpperCase(Locale.ROOT)).toList();
	}

	public boolean isCard() {
		return this.card;
	}

	public void setCard(boolean card) {
		this.card = card;
	}

	public boolean isIban() {
		return this.iban;
	}

	public void setIban(boolean iban) {
		this.iban = iban;
	}

	public boolean isIp() {
		return this.ip;
	}

	public void setIp(boolean ip) {
		this.ip = ip;
	}

	public boolean isJwt() {
		return this.jwt;
	}

	public void setJwt(boolean jwt) {
		this.jwt = jwt;
	}

	public boolean isSecrets() {
		return this.secrets;
	}

	public void setSecrets(boolean secrets) {
		this.secrets = secrets;
	}

	public List<MaskPattern> getPatterns() {
		return this.patterns;
	}

	public void setPatterns(List<MaskPattern> patterns) {
		this.patterns = patterns;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmTracingMaskingProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LlmTracingMaskingProperties masking = (LlmTracingMaskingProperties) target;
		PropertyChecks checks = PropertyChecks.of(errors, "llm.tracing.content.masking");
		if (masking.isPhone()) {
			List<String> unknown = PhoneRegions.unknown(masking.getPhoneRegions());
			if (!unknown.isEmpty()) {
				checks.reject("phoneRegions", "phone-regions has unknown region codes " + unknown
						+ ": use ISO 3166-1 alpha-2 codes such as US, GB, DE or JP, or remove them");
			}
		}
		for (int i = 0; i < masking.getPatterns().size(); i++) {
			String field = "patterns[" + i + "].regex";
			String regex = masking.getPatterns().get(i).getRegex();
			if (regex == null || regex.isEmpty()) {
				checks.reject(field, field + " must be set; give a regular expression to mask");
				continue;
			}
			try {
				Pattern.compile(regex);
			}
			catch (PatternSyntaxException ex) {
				checks.reject(field, field + " is not a valid regular expression (" + ex.getDescription()
						+ "); fix it or remove the pattern");
			}
		}
	}

	/**
	 * A user-defined pattern to mask.
	 */
	public static class MaskPattern {

		/**
		 * Regular expression of what to mask, such as 'EMP-\\d{6}'.
		 */
		private @Nullable String regex;

		/**
		 * What replaces a match, such as '[EMPLOYEE_ID]'.
		 */
		private String placeholder = "[REDACTED]";

		public @Nullable String getRegex() {
			return this.regex;
		}

		public void setRegex(@Nullable String regex) {
			this.regex = regex;
		}

		public String getPlaceholder() {
			return this.placeholder;
		}

		public void setPlaceholder(String placeholder) {
			this.placeholder = placeholder;
		}

	}

}
