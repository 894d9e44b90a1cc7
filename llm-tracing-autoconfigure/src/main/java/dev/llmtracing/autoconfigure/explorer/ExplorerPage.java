package dev.llmtracing.autoconfigure.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.record.JsonText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.HttpRequestHandler;

/**
 * Serves the explorer page from the starter's jar: a fixed set of files under
 * {@code dev/llmtracing/explorer/} (a folder Spring Boot does not serve as static
 * content), read once when the page is created, and {@code config.json}, which tells the
 * page where the {@code llmrequests} endpoint is. Every answer carries a strict
 * Content-Security-Policy: scripts, styles and requests from the application only, no
 * inline script, no framing.
 *
 * @author llm-tracing
 */
final class ExplorerPage implements HttpRequestHandler {

	/** The path of the page. */
	static final String PATH = "/llm-tracing/explorer/";

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private static final String FOLDER = "dev/llmtracing/explorer/";

	private static final Map<String, String> FILES = Map.of("index.html", "text/html", "explorer.css", "text/css",
			"explorer.js", "text/javascript", "dom.js", "text/javascript", "table.js", "text/javascript",
			"waterfall.js", "text/javascript", "conversation.js", "text/javascript", "figures.js", "text/javascript");

	private final byte[] config;

	private final Map<String, byte[]> contents = new HashMap<>();

	/**
	 * Create the page.
	 * @param endpointPath the path of the {@code llmrequests} endpoint relative to the
	 * application's context path, such as {@code actuator/llmrequests}
	 * @param traceUrlTemplate the template of links to traces, or {@code null}
	 * @param keys the field names of the request, context and user IDs
	 */
	ExplorerPage(String endpointPath, @Nullable String traceUrlTemplate, MdcKeys keys) {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("endpoint", endpointPath);
		config.put("keys",
				Map.of("requestId", keys.requestId(), "contextId", keys.contextId(), "userId", keys.userId()));
		if (traceUrlTemplate != null) {
			config.put("traceUrlTemplate", traceUrlTemplate);
		}
		this.config = JsonText.write(config).getBytes(StandardCharsets.UTF_8);
		for (String name : FILES.keySet()) {
			try (InputStream in = new ClassPathResource(FOLDER + name, ExplorerPage.class.getClassLoader())
				.getInputStream()) {
				this.contents.put(name, in.readAllBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The explorer's " + name + " is missing from the jar", ex);
			}
		}
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			response.setHeader("Allow", "GET, HEAD");
			response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		if (!path.startsWith(PATH)) {
			response.sendRedirect(request.getContextPath() + PATH);
			return;
		}
		String name = path.substring(PATH.length());
		if (name.isEmpty()) {
			name = "index.html";
		}
		secure(response);
		if (name.equals("config.json")) {
			write(response, "application/json", this.config);
			return;
		}
		String type = FILES.get(name);
		if (type == null) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		write(response, type + ";charset=UTF-8", this.contents.get(name));
	}

	private static void secure(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Cache-Control", "no-cache");
	}

	private static void write(HttpServletResponse response, String type, byte[] body) throws IOException {
		response.setContentType(type);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
