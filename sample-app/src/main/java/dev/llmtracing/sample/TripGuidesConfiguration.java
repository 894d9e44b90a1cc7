package dev.llmtracing.sample;

import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The travel guides the trip endpoint retrieves from: an in-memory Spring AI
 * {@link SimpleVectorStore}, filled at start-up with embeddings from the configured
 * embedding model (the stand-in's {@code /v1/embeddings} by default). Queries and
 * embedding calls are observed, so a request's record counts them as {@code retrieval}.
 *
 * @author llm-tracing
 */
@Configuration(proxyBeanMethods = false)
class TripGuidesConfiguration {

	private static final List<Document> GUIDES = List.of(
			guide("Kyoto",
					"Kyoto has over a thousand temples; Kiyomizu-dera and the Fushimi Inari gates are best "
							+ "seen at dawn, and the maple leaves turn red in November."),
			guide("Kyoto",
					"Kyoto's Gion district keeps its wooden tea houses; walk Hanamikoji Street in the evening "
							+ "and eat yudofu near Nanzen-ji."),
			guide("Lisbon",
					"Lisbon's tram 28 climbs from Baixa to Alfama; ride it early, then take the Santa Justa "
							+ "lift and eat pasteis de nata in Belem."),
			guide("Lisbon",
					"Lisbon's viewpoints, the miradouros of Graca and Santa Luzia, face the Tagus at sunset; "
							+ "fado houses in Alfama open after dinner."),
			guide("Reykjavik",
					"From Reykjavik the Golden Circle takes a day: Thingvellir, the Geysir hot springs and "
							+ "Gullfoss falls; northern lights from September to March."),
			guide("Reykjavik", "Reykjavik's geothermal pools are open all year; the Sky Lagoon and the town pools are "
					+ "where locals meet, even in snow."));

	@Bean
	SimpleVectorStore tripGuides(EmbeddingModel embeddingModel,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		return SimpleVectorStore.builder(embeddingModel)
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.build();
	}

	/**
	 * Load the guides once the application has started, when the stand-in model, if
	 * enabled, is listening.
	 * @param tripGuides the vector store
	 * @return the runner
	 */
	@Bean
	ApplicationRunner tripGuidesLoader(SimpleVectorStore tripGuides) {
		return (arguments) -> tripGuides.add(GUIDES);
	}

	private static Document guide(String destination, String text) {
		return new Document(text, Map.of("destination", destination));
	}

}
