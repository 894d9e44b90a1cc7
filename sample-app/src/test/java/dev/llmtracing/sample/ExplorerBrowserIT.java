package dev.llmtracing.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import dev.llmtracing.feedback.Feedback;
import dev.llmtracing.feedback.LlmFeedback;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.request.RequestListener;
import dev.llmtracing.sample.support.HostileRequest;
import dev.llmtracing.sample.support.SampleApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Drives a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * installed by {@code .ci/run}) through the request explorer of the sample app after a
 * few requests: the table lists them newest first, a click opens a request's waterfall
 * with the parts of its request record, the conversation view groups the requests of one
 * context ID, feedback shows on its request, hostile content and IDs show as text and run
 * nothing, and the page asks no host but the application. Screenshots go to
 * {@code target/explorer-screenshots/}.
 * <p>
 * Hostile IDs cannot come in over HTTP (the ID filter replaces or drops them), so the
 * hostile request is handed to the record listeners the way a non-HTTP entry point's
 * record would be.
 *
 * @author llm-tracing
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.log.json-file=target/explorer-browser-it.json", "llm.tracing.content.mode=full" })
class ExplorerBrowserIT {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target/explorer-screenshots");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static ChromeDriver browser;

	@LocalServerPort
	private int port;

	@Autowired
	private ExchangeDispatcher dispatcher;

	@Autowired
	private ObjectProvider<RequestListener> requestListeners;

	@Autowired
	private LlmFeedback feedback;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		SampleApp.standInOnFreePort(registry);
	}

	@BeforeAll
	static void startChromium() throws IOException {
		assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
			.as("ExplorerBrowserIT needs Debian's Chromium: apt-get install -y chromium chromium-driver "
					+ "(.ci/run installs them); missing " + CHROMIUM + " or " + CHROMEDRIVER)
			.isTrue();
		Files.createDirectories(SCREENSHOTS);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopChromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void explorerShowsRequestsWaterfallsAndConversationsAsInertText() throws IOException {
		makeRequests();
		String base = "http://localhost:" + this.port;
		browser.get(base + "/llm-tracing/explorer/");

		List<String> rows = awaitRows(5);
		assertThat(rows).containsExactly(HostileRequest.REQUEST_ID, "explorer-trip-1", "explorer-req-3",
				"explorer-req-2", "explorer-req-1");
		assertThat(row("explorer-req-1").getText()).contains("/chat", "alice", "explorer-ctx-1", "success");
		assertThat(browser.findElement(By.cssSelector("#figures-table tbody tr[data-model='stand-in-small']"))
			.findElements(By.tagName("td"))).extracting(WebElement::getText).startsWith("stand-in-small", "5");
		screenshot("01-requests");

		SampleApp.post(SampleApp.client(this.port), "/chat", "One more?", "explorer-req-4", "explorer-ctx-4", "carol");
		assertThat(awaitRows(6)).as("rows after a refresh, without a reload").startsWith("explorer-req-4");
		WebElement filter = browser.findElement(By.id("filter"));
		filter.sendKeys("explorer-ctx-1");
		assertThat(rowIds()).containsExactly("explorer-req-2", "explorer-req-1");
		filter.clear();
		filter.sendKeys(" ");
		assertThat(rowIds()).hasSize(6);
		this.feedback.submit(Feedback.onRequest("explorer-req-1", "thumbs").withValue(1));
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
			.untilAsserted(() -> assertThat(row("explorer-req-1").getText()).contains("thumbs 1"));

		trapAlerts();
		row("explorer-trip-1").click();
		await().atMost(Duration.ofSeconds(30)).until(() -> browser.findElement(By.id("detail")).isDisplayed());
		Map<String, Object> trip = requestRecord("explorer-trip-1");
		List<String> parts = browser.findElements(By.cssSelector("#waterfall .legend .part"))
			.stream()
			.map((part) -> part.getDomAttribute("data-part"))
			.toList();
		assertThat(parts).containsExactlyInAnyOrderElementsOf(((Map<String, ?>) trip.get("breakdown")).keySet())
			.contains("model", "retrieval");
		assertThat(browser.findElements(By.cssSelector("#waterfall .lane.model-call")))
			.hasSize(((List<?>) trip.get("exchangeIds")).size());
		List<String> activityLanes = browser.findElements(By.cssSelector("#waterfall .lane.activity"))
			.stream()
			.map((lane) -> lane.getDomAttribute("data-part") + ":" + lane.getDomAttribute("data-name"))
			.toList();
		List<String> tripActivities = ((List<Map<String, Object>>) requestEntry("explorer-trip-1").get("activities"))
			.stream()
			.filter((activity) -> !"model".equals(activity.get("part")))
			.sorted(Comparator.comparingDouble((activity) -> ((Number) activity.get("offsetMs")).doubleValue()))
			.map((activity) -> activity.get("part") + ":" + activity.get("name"))
			.toList();
		assertThat(activityLanes).isEqualTo(tripActivities)
			.contains("stage:prompt-build", "stage:output-shaping")
			.anyMatch((lane) -> lane.startsWith("retrieval:"));
		assertThat(activityLanes.indexOf("stage:prompt-build"))
			.isLessThan(activityLanes.indexOf("stage:output-shaping"));
		assertThat(browser.findElement(By.cssSelector("#detail-links a.trace")).getDomAttribute("href"))
			.startsWith("http://localhost:9411/zipkin/traces/" + trip.get("traceId"));
		WebElement call = browser.findElement(By.cssSelector("#calls details.call"));
		call.findElement(By.tagName("summary")).click();
		assertThat(call.findElement(By.cssSelector("pre.record")).getText())
			.contains((String) ((List<?>) trip.get("exchangeIds")).get(0));
		screenshot("02-waterfall");

		browser.findElement(By.id("detail-back")).click();
		awaitRows(6);
		row("explorer-req-2").findElement(By.cssSelector("a.context")).click();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> browser.findElements(By.cssSelector("#conversation-list > li")).size() == 2);
		assertThat(browser.findElements(By.cssSelector("#conversation-list > li"))
			.stream()
			.map((turn) -> turn.getDomAttribute("data-request-id")))
			.containsExactly("explorer-req-1", "explorer-req-2");
		assertThat(browser.findElement(By.id("conversation-list")).getText()).contains("capital of France",
				"And of Italy");
		screenshot("03-conversation");

		browser.findElement(By.id("conversation-back")).click();
		awaitRows(6);
		row(HostileRequest.REQUEST_ID).click();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> HostileRequest.REQUEST_ID.equals(browser.findElement(By.id("detail-id")).getText()));
		browser.findElement(By.cssSelector("#calls details.call summary")).click();
		assertThat(browser.findElement(By.id("calls")).getText()).contains(HostileRequest.PROMPT,
				"(" + HostileRequest.ANSWER.length() + " characters)");
		assertThat(browser.findElement(By.id("detail-facts")).getText()).contains(HostileRequest.CONTEXT_ID,
				"[U+202E]evil");
		assertThat(browser.findElement(By.cssSelector("#waterfall .lane.activity .label")).getText())
			.isEqualTo(HostileRequest.STAGE);
		assertThat(((JavascriptExecutor) browser).executeScript("return document.querySelectorAll('[onload]').length"))
			.isEqualTo(0L);
		screenshot("04-hostile-request");
		browser.findElement(By.cssSelector("#detail-links a.context")).click();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> HostileRequest.CONTEXT_ID.equals(browser.findElement(By.id("conversation-id")).getText()));
		assertThat(browser.findElement(By.id("conversation-list")).getText()).contains(HostileRequest.PROMPT);
		screenshot("05-hostile-conversation");

		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> browser.switchTo().alert());
		JavascriptExecutor js = browser;
		assertThat(js.executeScript("return window.__alerts.length")).isEqualTo(0L);
		assertThat(js.executeScript("return document.querySelectorAll('img').length")).isEqualTo(0L);
		assertThat(js.executeScript("return Array.from(document.scripts).map((s) => s.getAttribute('src'))"))
			.isEqualTo(List.of("explorer.js"));
		List<String> browserLog = browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.toList();
		assertThat(browserLog).as("console of the page").noneMatch((line) -> line.contains("Content Security Policy"));

		List<String> urls = requestedUrls();
		assertThat(urls).as("URLs the page requested").isNotEmpty().allMatch((url) -> url.startsWith(base + "/"));
		assertThat(urls).anyMatch((url) -> url.contains("/actuator/llmrequests"));
	}

	private void makeRequests() {
		var client = SampleApp.client(this.port);
		SampleApp.post(client, "/chat", "What is the capital of France?", "explorer-req-1", "explorer-ctx-1", "alice");
		SampleApp.post(client, "/chat", "And of Italy?", "explorer-req-2", "explorer-ctx-1", "alice");
		SampleApp.post(client, "/chat", HostileRequest.PROMPT, "explorer-req-3", "explorer-ctx-2", "bob");
		SampleApp.post(client, "/trip", "Which temples should I see in Kyoto?", "explorer-trip-1", "explorer-ctx-3",
				"alice");
		await().atMost(Duration.ofSeconds(30)).until(() -> requestRecord("explorer-trip-1") != null);
		injectHostileRequest();
		await().atMost(Duration.ofSeconds(30)).until(() -> requestRecord(HostileRequest.REQUEST_ID) != null);
	}

	private void injectHostileRequest() {
		HostileRequest hostile = HostileRequest.create();
		this.dispatcher.publish(hostile.exchange());
		this.dispatcher.execute(() -> this.requestListeners.orderedStream()
			.forEach((listener) -> listener.onRequest(hostile.request())));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> requestRecord(String requestId) {
		Map<String, Object> entry = requestEntry(requestId);
		return (entry != null) ? (Map<String, Object>) entry.get("request") : null;
	}

	private Map<String, Object> requestEntry(String requestId) {
		String json = SampleApp.client(this.port)
			.get()
			.uri((uri) -> uri.path("/actuator/llmrequests").queryParam("requestId", "{id}").build(requestId))
			.retrieve()
			.body(String.class);
		List<Map<String, Object>> requests = (List<Map<String, Object>>) MAPPER.readValue(json, Map.class)
			.get("requests");
		return requests.isEmpty() ? null : requests.get(0);
	}

	private static List<String> awaitRows(int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> rowIds().size() >= count);
		return rowIds();
	}

	@SuppressWarnings("unchecked")
	private static List<String> rowIds() {
		// in one script, so that a refresh redrawing the table cannot come in between
		return (List<String>) ((JavascriptExecutor) browser).executeScript("return Array.from("
				+ "document.querySelectorAll('#requests-table tbody tr'), (row) => row.getAttribute('data-request-id'))");
	}

	private static WebElement row(String requestId) {
		return browser.findElements(By.cssSelector("#requests-table tbody tr"))
			.stream()
			.filter((row) -> requestId.equals(row.getDomAttribute("data-request-id")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for request " + requestId));
	}

	private static void trapAlerts() {
		((JavascriptExecutor) browser).executeScript("window.__alerts = [];"
				+ "window.alert = window.confirm = window.prompt = (m) => { window.__alerts.push(String(m)); };");
	}

	private static void screenshot(String name) throws IOException {
		Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
	}

	private static List<String> requestedUrls() {
		List<String> urls = new ArrayList<>();
		for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
			JsonNode message = MAPPER.readTree(entry.getMessage()).path("message");
			if ("Network.requestWillBeSent".equals(message.path("method").asString())) {
				urls.add(message.path("params").path("request").path("url").asString());
			}
		}
		return urls;
	}

}
