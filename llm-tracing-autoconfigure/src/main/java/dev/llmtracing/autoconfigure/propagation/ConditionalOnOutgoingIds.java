package dev.llmtracing.autoconfigure.propagation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when outgoing calls carry the IDs in any form: as ID headers or metadata
 * ({@code llm.tracing.propagation.headers}) or as baggage
 * ({@code llm.tracing.propagation.baggage}), both on unless switched off. The client
 * interceptors that add the IDs, and remove them for hosts that may not receive them,
 * exist under this condition.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(ConditionalOnOutgoingIds.OutgoingIdsCondition.class)
public @interface ConditionalOnOutgoingIds {

	/**
	 * Headers or baggage on.
	 */
	final class OutgoingIdsCondition extends AnyNestedCondition {

		OutgoingIdsCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBooleanProperty(name = "llm.tracing.propagation.headers", matchIfMissing = true)
		static final class HeadersOn {

		}

		@ConditionalOnBooleanProperty(name = "llm.tracing.propagation.baggage", matchIfMissing = true)
		static final class BaggageOn {

		}

	}

}
