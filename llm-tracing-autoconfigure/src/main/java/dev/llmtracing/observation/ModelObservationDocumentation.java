package dev.llmtracing.observation;

import dev.llmtracing.record.ExchangeFields;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.docs.ObservationDocumentation;

import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;

/**
 * The key names that llm-tracing adds to Spring AI's {@code gen_ai.client.operation}
 * model observation (see {@code ChatModelObservationDocumentation} for Spring AI's own).
 * Low-cardinality keys become tags of the observation's meters and always carry a value;
 * high-cardinality keys, the IDs among them, are span attributes only. Keys that the
 * exchange record also holds have the record field's name.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public enum ModelObservationDocumentation implements ObservationDocumentation {

	/**
	 * A call to a chat model, observed by Spring AI and enriched by llm-tracing.
	 */
	MODEL_OPERATION {

		@Override
		public String getName() {
			return DefaultChatModelObservationConvention.DEFAULT_NAME;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Low-cardinality keys: meter tags and span attributes.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The provider, as the GenAI conventions name it, or {@code unknown}.
		 */
		PROVIDER_NAME {
			@Override
			public String asString() {
				return ExchangeFields.PROVIDER_NAME;
			}
		},

		/**
		 * The exception class of a failed call, or {@code none}.
		 */
		ERROR_TYPE {
			@Override
			public String asString() {
				return ExchangeFields.ERROR_TYPE;
			}
		},

		/**
		 * The bounded prompt name, or {@code none}.
		 */
		PROMPT_NAME {
			@Override
			public String asString() {
				return ExchangeFields.PROMPT_NAME;
			}
		},

		/**
		 * The bounded prompt version, or {@code none}.
		 */
		PROMPT_VERSION {
			@Override
			public String asString() {
				return ExchangeFields.PROMPT_VERSION;
			}
		}

	}

	/**
	 * High-cardinality keys: span attributes, never meter tags.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The conversation: the chat memory conversation, else the context ID.
		 */
		CONVERSATION_ID {
			@Override
			public String asString() {
				return ExchangeFields.CONVERSATION_ID;
			}
		},

		/**
		 * The request ID.
		 */
		REQUEST_ID {
			@Override
			public String asString() {
				return "llm.request.id";
			}
		},

		/**
		 * The user ID.
		 */
		USER_ID {
			@Override
			public String asString() {
				return "llm.user.id";
			}
		},

		/**
		 * The exchange ID of the call's record.
		 */
		EXCHANGE_ID {
			@Override
			public String asString() {
				return "llm.exchange.id";
			}
		},

		/**
		 * The exchange ID that a replayed call replays.
		 */
		REPLAY_OF {
			@Override
			public String asString() {
				return ExchangeFields.REPLAY_OF;
			}
		},

		/**
		 * Opt-in: the masked, capped input messages as JSON.
		 */
		INPUT_MESSAGES {
			@Override
			public String asString() {
				return ExchangeFields.INPUT_MESSAGES;
			}
		},

		/**
		 * Opt-in: the masked, capped output messages as JSON.
		 */
		OUTPUT_MESSAGES {
			@Override
			public String asString() {
				return ExchangeFields.OUTPUT_MESSAGES;
			}
		}

	}

}
