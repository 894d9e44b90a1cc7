package dev.llmtracing.sample.prometheus;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.llmtracing.sample.support.ServerProcesses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.util.TestSocketUtils;

/**
 * A real Prometheus server, run from its binary on a free loopback port with its own
 * configuration and storage in a temporary folder, scraping one target every second.
 *
 * @author llm-tracing
 */
public final class PrometheusServer implements AutoCloseable {

	private final Process process;

	private final Path home;

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper mapper = JsonMapper.builder().build();

	private PrometheusServer(Process process, Path home, int port) {
		this.process = process;
		this.home = home;
		this.port = port;
	}

	/**
	 * Start Prometheus scraping {@code /actuator/prometheus} of the given port.
	 * @param targetPort the port of the application to scrape
	 * @param ruleFiles rule files to load
	 * @return the started server, ready to answer queries
	 * @throws IOException if it cannot be started
	 */
	public static PrometheusServer start(int targetPort, List<Path> ruleFiles) throws IOException {
		Path binary = PrometheusBinaries.require("prometheus");
		Path home = Files.createTempDirectory("prometheus-it");
		StringBuilder config = new StringBuilder();
		config.append("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n");
		if (!ruleFiles.isEmpty()) {
			config.append("rule_files:\n");
			ruleFiles.forEach((file) -> config.append("  - ").append(file.toAbsolutePath()).append('\n'));
		}
		config.append("scrape_configs:\n  - job_name: llm-tracing-sample\n");
		config.append("    metrics_path: /actuator/prometheus\n");
		config.append("    static_configs:\n      - targets: ['127.0.0.1:").append(targetPort).append("']\n");
		Path configFile = Files.writeString(home.resolve("prometheus.yml"), config);
		int port = TestSocketUtils.findAvailableTcpPort();
		Process process = ServerProcesses.start(home.resolve("prometheus.log"), binary.toString(),
				"--config.file=" + configFile, "--storage.tsdb.path=" + home.resolve("data"),
				"--web.listen-address=127.0.0.1:" + port);
		PrometheusServer server = new PrometheusServer(process, home, port);
		ServerProcesses.awaitReady(process, server.http, port, "/-/ready", Duration.ofSeconds(60),
				Duration.ofMillis(200), () -> "Prometheus exited: " + server.log());
		return server;
	}

	/**
	 * Run an instant PromQL query.
	 * @param promql the query
	 * @return each result's labels and value
	 */
	public List<Sample> query(String promql) {
		try {
			HttpResponse<String> response = get(
					"/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
			JsonNode body = this.mapper.readTree(response.body());
			if (!"success".equals(body.path("status").asString())) {
				throw new IllegalStateException("Query failed: " + promql + " -> " + response.body());
			}
			List<Sample> samples = new ArrayList<>();
			for (JsonNode result : body.path("data").path("result")) {
				Map<String, String> labels = this.mapper.convertValue(result.path("metric"),
						this.mapper.getTypeFactory().constructMapType(Map.class, String.class, String.class));
				samples.add(new Sample(labels, Double.parseDouble(result.path("value").get(1).asString())));
			}
			return samples;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Run an instant query that has one result and return its value.
	 * @param promql the query
	 * @return the value, or {@code NaN} when there is no result
	 */
	public double value(String promql) {
		List<Sample> samples = query(promql);
		return samples.isEmpty() ? Double.NaN : samples.get(0).value();
	}

	/**
	 * Return the alerts Prometheus evaluates, as JSON.
	 * @return the body of {@code /api/v1/rules}
	 */
	public String rules() {
		try {
			return get("/api/v1/rules").body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the scrape targets and their last errors, as JSON.
	 * @return the body of {@code /api/v1/targets}
	 */
	public String targets() {
		try {
			return get("/api/v1/targets").body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return what Prometheus logged so far.
	 * @return the log
	 */
	public String log() {
		try {
			return Files.readString(this.home.resolve("prometheus.log"));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private HttpResponse<String> get(String path) throws IOException {
		return ServerProcesses.get(this.http, this.port, path);
	}

	@Override
	public void close() throws IOException {
		ServerProcesses.stop(this.process, this.home);
	}

	/**
	 * One result of a query.
	 *
	 * @param labels the series labels
	 * @param value the value
	 */
	public record Sample(Map<String, String> labels, double value) {

	}

}
