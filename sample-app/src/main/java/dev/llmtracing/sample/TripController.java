package dev.llmtracing.sample;

import java.util.List;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Travel advice with retrieval: the request's time goes into {@code retrieval} (the
 * vector-store query and its embedding call), the {@code prompt-build} stage, the model
 * call and the {@code output-shaping} stage, which its request record shows.
 *
 * @author llm-tracing
 */
@RestController
class TripController {

	private static final int GUIDES_PER_QUESTION = 2;

	private final VectorStore tripGuides;

	private final TripPipeline pipeline;

	TripController(@Qualifier("tripGuides") VectorStore tripGuides, TripPipeline pipeline) {
		this.tripGuides = tripGuides;
		this.pipeline = pipeline;
	}

	/**
	 * Answer a traveller's question from the guides most similar to it.
	 * @param question the question, as the plain-text body
	 * @return the advice, as JSON
	 */
	@PostMapping(path = "/trip", consumes = MediaType.ALL_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	TripAdvice trip(@RequestBody String question) {
		List<Document> guides = this.tripGuides
			.similaritySearch(SearchRequest.builder().query(question).topK(GUIDES_PER_QUESTION).build());
		return this.pipeline.shape(this.pipeline.buildPrompt(question, guides));
	}

}
