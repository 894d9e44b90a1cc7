package dev.llmtracing.autoconfigure.grpc;

import io.grpc.Metadata;

/**
 * The ASCII metadata keys of the IDs.
 *
 * @author llm-tracing
 */
final class MetadataKeys {

	private MetadataKeys() {
	}

	static Metadata.Key<String> of(String name) {
		return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
	}

}
