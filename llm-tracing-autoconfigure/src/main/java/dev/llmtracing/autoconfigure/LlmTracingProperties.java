package dev.llmtracing.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.llmtracing.chat.ContentMode;
import dev.llmtracing.metrics.SemconvBuckets;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for llm-tracing. Invalid values fail at start-up with a
 * message that names the property and the fix.
 *
 * @author llm-tracing
 */
@ConfigurationProperties("llm.tracing")
public class LlmTracingProperties {

	/**
	 * Whether to enable llm-tracing at all.
	 */
	private boolean enabled = true;

	private final Ids ids = new Ids();

	private final Web web = new Web();

	private final Capture capture = new Capture();

	private final Record record = new Record();

	private final Metrics metrics = new Metrics();

	private final Cost cost = new Cost();

	private final Content content = new Content();

	private final Audit audit = new Audit();

	private final Propagation propagation = new Propagation();

	private final Replay replay = new Replay();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Ids getIds() {
		return this.ids;
	}

	public Web getWeb() {
		return this.web;
	}

	public Capture getCapture() {
		return this.capture;
	}

	public Record getRecord() {
		return this.record;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Cost getCost() {
		return this.cost;
	}

	public Content getContent() {
		return this.content;
	}

	public Audit getAudit() {
		return this.audit;
	}

	public Propagation getPropagation() {
		return this.propagation;
	}

	public Replay getReplay() {
		return this.replay;
	}

	/**
	 * The IDs and where they are kept.
	 */
	public static class Ids {

		/**
		 * Maximum number of characters of a request, context or user ID; longer values
		 * are rejected.
		 */
		private int maxLength = 128;

		/**
		 * MDC key of the request ID.
		 */
		private String requestIdMdcKey = "requestId";

		/**
		 * MDC key of the context (conversation or session) ID.
		 */
		private String contextIdMdcKey = "contextId";

		/**
		 * MDC key of the user ID.
		 */
		private String userIdMdcKey = "userId";

		public int getMaxLength() {
			return this.maxLength;
		}

		public void setMaxLength(int maxLength) {
			PropertyChecks.range("llm.tracing.ids.max-length", maxLength, 1, 1024);
			this.maxLength = maxLength;
		}

		public String getRequestIdMdcKey() {
			return this.requestIdMdcKey;
		}

		public void setRequestIdMdcKey(String requestIdMdcKey) {
			this.requestIdMdcKey = PropertyChecks.mdcKey("llm.tracing.ids.request-id-mdc-key", requestIdMdcKey);
		}

		public String getContextIdMdcKey() {
			return this.contextIdMdcKey;
		}

		public void setContextIdMdcKey(String contextIdMdcKey) {
			this.contextIdMdcKey = PropertyChecks.mdcKey("llm.tracing.ids.context-id-mdc-key", contextIdMdcKey);
		}

		public String getUserIdMdcKey() {
			return this.userIdMdcKey;
		}

		public void setUserIdMdcKey(String userIdMdcKey) {
			this.userIdMdcKey = PropertyChecks.mdcKey("llm.tracing.ids.user-id-mdc-key", userIdMdcKey);
		}

	}

	/**
	 * The servlet filter that reads the ID headers.
	 */
	public static class Web {

		/**
		 * Whether to read the ID headers of inbound HTTP requests.
		 */
		private boolean enabled = true;

		/**
		 * Name of the request ID header.
		 */
		private String requestIdHeader = "X-Request-Id";

		/**
		 * Name of the context (conversation or session) ID header.
		 */
		private String contextIdHeader = "X-Context-Id";

		/**
		 * Name of the user ID header.
		 */
		private String userIdHeader = "X-User-Id";

		/**
		 * Whether to send the request ID back in the response header.
		 */
		private boolean echoRequestId = true;

		/**
		 * Order of the ID filter in the servlet filter chain; the default runs it just
		 * after Spring Boot's HTTP observation filter.
		 */
		private int filterOrder = -2147483646;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getRequestIdHeader() {
			return this.requestIdHeader;
		}

		public void setRequestIdHeader(String requestIdHeader) {
			this.requestIdHeader = PropertyChecks.headerName("llm.tracing.web.request-id-header", requestIdHeader);
		}

		public String getContextIdHeader() {
			return this.contextIdHeader;
		}

		public void setContextIdHeader(String contextIdHeader) {
			this.contextIdHeader = PropertyChecks.headerName("llm.tracing.web.context-id-header", contextIdHeader);
		}

		public String getUserIdHeader() {
			return this.userIdHeader;
		}

		public void setUserIdHeader(String userIdHeader) {
			this.userIdHeader = PropertyChecks.headerName("llm.tracing.web.user-id-header", userIdHeader);
		}

		public boolean isEchoRequestId() {
			return this.echoRequestId;
		}

		public void setEchoRequestId(boolean echoRequestId) {
			this.echoRequestId = echoRequestId;
		}

		public int getFilterOrder() {
			return this.filterOrder;
		}

		public void setFilterOrder(int filterOrder) {
			this.filterOrder = filterOrder;
		}

	}

	/**
	 * Capture of model calls.
	 */
	public static class Capture {

		/**
		 * Whether to record every chat model call.
		 */
		private boolean enabled = true;

		/**
		 * Whether to add the tracing advisor to every ChatClient built from Spring's
		 * ChatClient.Builder, so that streams keep the caller's IDs.
		 */
		private boolean advisorEnabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isAdvisorEnabled() {
			return this.advisorEnabled;
		}

		public void setAdvisorEnabled(boolean advisorEnabled) {
			this.advisorEnabled = advisorEnabled;
		}

	}

	/**
	 * The JSON exchange record.
	 */
	public static class Record {

		/**
		 * Whether to write one log event per model call on the exchange logger.
		 */
		private boolean enabled = true;

		/**
		 * Name of the logger that exchange records are written to.
		 */
		private String loggerName = "llm.tracing.exchange";

		/**
		 * Maximum number of records waiting to be written; further records are dropped
		 * and counted rather than blocking the caller.
		 */
		private int queueCapacity = 10_000;

		/**
		 * How long to wait at shutdown for waiting records to be written.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getLoggerName() {
			return this.loggerName;
		}

		public void setLoggerName(String loggerName) {
			this.loggerName = PropertyChecks.notBlank("llm.tracing.record.logger-name", loggerName);
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			PropertyChecks.range("llm.tracing.record.queue-capacity", queueCapacity, 1, 10_000_000);
			this.queueCapacity = queueCapacity;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			if (shutdownTimeout.isNegative()) {
				throw new IllegalArgumentException(
						"llm.tracing.record.shutdown-timeout must not be negative; set a duration such as 5s");
			}
			this.shutdownTimeout = shutdownTimeout;
		}

	}

	/**
	 * Meters.
	 */
	public static class Metrics {

		/**
		 * Whether to register llm-tracing's meters and histogram buckets.
		 */
		private boolean enabled = true;

		/**
		 * Histogram bucket boundaries (SLO boundaries) of the gen_ai.client.operation
		 * timer; the default is the OpenTelemetry GenAI semantic conventions' list.
		 */
		private List<Duration> latencyBuckets = new ArrayList<>(SemconvBuckets.OPERATION);

		/**
		 * Histogram bucket boundaries of the time to first chunk of streams; the default
		 * is the OpenTelemetry GenAI semantic conventions' list.
		 */
		private List<Duration> timeToFirstChunkBuckets = new ArrayList<>(SemconvBuckets.TIME_TO_FIRST_CHUNK);

		/**
		 * Maximum number of distinct prompt names, and of distinct prompt versions, used
		 * as metric tags; further values are counted as 'other'.
		 */
		private int promptTagLimit = 20;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<Duration> getLatencyBuckets() {
			return this.latencyBuckets;
		}

		public void setLatencyBuckets(List<Duration> latencyBuckets) {
			this.latencyBuckets = PropertyChecks.buckets("llm.tracing.metrics.latency-buckets", latencyBuckets);
		}

		public List<Duration> getTimeToFirstChunkBuckets() {
			return this.timeToFirstChunkBuckets;
		}

		public void setTimeToFirstChunkBuckets(List<Duration> timeToFirstChunkBuckets) {
			this.timeToFirstChunkBuckets = PropertyChecks.buckets("llm.tracing.metrics.time-to-first-chunk-buckets",
					timeToFirstChunkBuckets);
		}

		public int getPromptTagLimit() {
			return this.promptTagLimit;
		}

		public void setPromptTagLimit(int promptTagLimit) {
			PropertyChecks.range("llm.tracing.metrics.prompt-tag-limit", promptTagLimit, 1, 1000);
			this.promptTagLimit = promptTagLimit;
		}

	}

	/**
	 * The price table that gives each model call its cost.
	 */
	public static class Cost {

		/**
		 * Currency of the prices that do not name their own, such as USD or EUR.
		 */
		private String currency = "USD";

		/**
		 * Prices per million tokens, by model name or pattern ('*' matches any
		 * characters); the first matching entry applies. Models without a price have no
		 * cost and are counted as unpriced.
		 */
		private List<Price> prices = new ArrayList<>();

		public String getCurrency() {
			return this.currency;
		}

		public void setCurrency(String currency) {
			this.currency = PropertyChecks.notBlank("llm.tracing.cost.currency", currency);
		}

		public List<Price> getPrices() {
			return this.prices;
		}

		public void setPrices(List<Price> prices) {
			this.prices = prices;
		}

	}

	/**
	 * The price of one model, or of the models matching a pattern.
	 */
	public static class Price {

		/**
		 * Model name, or a pattern in which '*' matches any characters, such as
		 * 'gpt-4o-mini*'.
		 */
		private @Nullable String model;

		/**
		 * Price of one million input tokens.
		 */
		private @Nullable BigDecimal input;

		/**
		 * Price of one million output tokens.
		 */
		private @Nullable BigDecimal output;

		/**
		 * Price of one million cached input tokens; when not set they cost as input
		 * tokens.
		 */
		private @Nullable BigDecimal cachedInput;

		/**
		 * Currency of this price; when not set, llm.tracing.cost.currency.
		 */
		private @Nullable String currency;

		public @Nullable String getModel() {
			return this.model;
		}

		public void setModel(@Nullable String model) {
			this.model = model;
		}

		public @Nullable BigDecimal getInput() {
			return this.input;
		}

		public void setInput(@Nullable BigDecimal input) {
			this.input = input;
		}

		public @Nullable BigDecimal getOutput() {
			return this.output;
		}

		public void setOutput(@Nullable BigDecimal output) {
			this.output = output;
		}

		public @Nullable BigDecimal getCachedInput() {
			return this.cachedInput;
		}

		public void setCachedInput(@Nullable BigDecimal cachedInput) {
			this.cachedInput = cachedInput;
		}

		public @Nullable String getCurrency() {
			return this.currency;
		}

		public void setCurrency(@Nullable String currency) {
			this.currency = currency;
		}

	}

	/**
	 * Capture of prompt and completion content.
	 */
	public static class Content {

		/**
		 * What to keep of prompts and completions: 'none', 'digest' (SHA-256 digests and
		 * lengths) or 'full' (masked and truncated messages).
		 */
		private ContentMode mode = ContentMode.NONE;

		/**
		 * Maximum number of characters kept of one message text, tool argument or tool
		 * result.
		 */
		private int maxFieldLength = 2000;

		/**
		 * Maximum size of the captured messages of one record, as JSON; texts are cut
		 * further to fit.
		 */
		private DataSize maxRecordSize = DataSize.ofKilobytes(12);

		/**
		 * Whether to also put the masked, truncated messages on model spans as
		 * gen_ai.input.messages and gen_ai.output.messages.
		 */
		private boolean onSpans = false;

		private final Masking masking = new Masking();

		private final Encryption encryption = new Encryption();

		public ContentMode getMode() {
			return this.mode;
		}

		public void setMode(ContentMode mode) {
			this.mode = mode;
		}

		public int getMaxFieldLength() {
			return this.maxFieldLength;
		}

		public void setMaxFieldLength(int maxFieldLength) {
			PropertyChecks.range("llm.tracing.content.max-field-length", maxFieldLength, 32, 1_000_000);
			this.maxFieldLength = maxFieldLength;
		}

		public DataSize getMaxRecordSize() {
			return this.maxRecordSize;
		}

		public void setMaxRecordSize(DataSize maxRecordSize) {
			if (maxRecordSize.toBytes() < 1024) {
				throw new IllegalArgumentException(
						"llm.tracing.content.max-record-size must be at least 1KB; set a size such as 12KB");
			}
			this.maxRecordSize = maxRecordSize;
		}

		public boolean isOnSpans() {
			return this.onSpans;
		}

		public void setOnSpans(boolean onSpans) {
			this.onSpans = onSpans;
		}

		public Masking getMasking() {
			return this.masking;
		}

		public Encryption getEncryption() {
			return this.encryption;
		}

	}

	/**
	 * Encryption of captured content in mode 'encrypted'.
	 */
	public static class Encryption {

		/**
		 * ID of the key that encrypts new records; one of the keys.
		 */
		private @Nullable String activeKeyId;

		/**
		 * AES-256 keys by key ID, each 32 bytes in Base64 ('openssl rand -base64 32');
		 * keep old keys to read old records. Best set from the environment, such as
		 * LLM_TRACING_CONTENT_ENCRYPTION_KEYS_K1.
		 */
		private Map<String, String> keys = new LinkedHashMap<>();

		public @Nullable String getActiveKeyId() {
			return this.activeKeyId;
		}

		public void setActiveKeyId(@Nullable String activeKeyId) {
			this.activeKeyId = activeKeyId;
		}

		public Map<String, String> getKeys() {
			return this.keys;
		}

		public void setKeys(Map<String, String> keys) {
			this.keys = keys;
		}

	}

	/**
	 * Masking of captured content.
	 */
	public static class Masking {

		/**
		 * Whether to mask captured content; switching it off keeps personal data and
		 * secrets in the records.
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
		private List<String> phoneRegions = new ArrayList<>(List.of("US", "CA", "GB", "IE", "DE", "AT", "CH", "FR",
				"BE", "NL", "IT", "ES", "PT", "JP", "AU", "IN"));

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
			this.phoneRegions = phoneRegions;
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

	/**
	 * The tamper-evident audit trail.
	 */
	public static class Audit {

		/**
		 * Whether to write every exchange record to a hash-chained audit file.
		 */
		private boolean enabled = false;

		/**
		 * Path of the audit file; rolled files get the suffixes .1, .2, ...
		 */
		private String file = "logs/llm-audit.jsonl";

		/**
		 * Size at which the audit file is rolled.
		 */
		private DataSize maxFileSize = DataSize.ofMegabytes(10);

		/**
		 * Number of rolled audit files to keep.
		 */
		private int maxHistory = 30;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getFile() {
			return this.file;
		}

		public void setFile(String file) {
			this.file = PropertyChecks.notBlank("llm.tracing.audit.file", file);
		}

		public DataSize getMaxFileSize() {
			return this.maxFileSize;
		}

		public void setMaxFileSize(DataSize maxFileSize) {
			if (maxFileSize.toBytes() < 1024) {
				throw new IllegalArgumentException(
						"llm.tracing.audit.max-file-size must be at least 1KB; set a size such as 10MB");
			}
			this.maxFileSize = maxFileSize;
		}

		public int getMaxHistory() {
			return this.maxHistory;
		}

		public void setMaxHistory(int maxHistory) {
			PropertyChecks.range("llm.tracing.audit.max-history", maxHistory, 0, 100_000);
			this.maxHistory = maxHistory;
		}

	}

	/**
	 * Propagation of the IDs to other threads and services.
	 */
	public static class Propagation {

		/**
		 * Whether to carry the IDs to other threads through Micrometer's context
		 * propagation (Reactor, @Async, Spring-managed executors).
		 */
		private boolean threads = true;

		/**
		 * Whether to send the ID headers on outgoing RestClient, RestTemplate and
		 * WebClient requests to allowed hosts.
		 */
		private boolean headers = true;

		/**
		 * Whether to carry the IDs as W3C baggage of the trace, and to read them from
		 * incoming baggage when a request has no ID header.
		 */
		private boolean baggage = true;

		/**
		 * Whether to keep the HTTP call of a ChatClient stream through Spring AI's OpenAI
		 * client in the caller's trace. A one-time marker header links the HTTP span to
		 * the model span; it is removed before the request is sent.
		 */
		private boolean streamSpans = true;

		/**
		 * Hosts that may receive the IDs (headers and baggage): names, '*.suffix'
		 * patterns or '*'. Requests to other hosts carry no ID.
		 */
		private List<String> allowedHosts = new ArrayList<>(
				List.of("localhost", "127.0.0.1", "::1", "*.svc.cluster.local"));

		public boolean isThreads() {
			return this.threads;
		}

		public void setThreads(boolean threads) {
			this.threads = threads;
		}

		public boolean isHeaders() {
			return this.headers;
		}

		public void setHeaders(boolean headers) {
			this.headers = headers;
		}

		public boolean isBaggage() {
			return this.baggage;
		}

		public void setBaggage(boolean baggage) {
			this.baggage = baggage;
		}

		public boolean isStreamSpans() {
			return this.streamSpans;
		}

		public void setStreamSpans(boolean streamSpans) {
			this.streamSpans = streamSpans;
		}

		public List<String> getAllowedHosts() {
			return this.allowedHosts;
		}

		public void setAllowedHosts(List<String> allowedHosts) {
			this.allowedHosts = allowedHosts;
		}

	}

	/**
	 * Replay of recorded exchanges.
	 */
	public static class Replay {

		/**
		 * JSON lines files in which the llmreplay endpoint looks for records (exchange
		 * log or audit trail); when empty, the audit trail file.
		 */
		private List<String> sources = new ArrayList<>();

		public List<String> getSources() {
			return this.sources;
		}

		public void setSources(List<String> sources) {
			this.sources = sources;
		}

	}

}
