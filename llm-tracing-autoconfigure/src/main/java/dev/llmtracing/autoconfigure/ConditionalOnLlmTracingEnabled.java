package dev.llmtracing.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Matches when llm-tracing is switched on: {@code llm.tracing.enabled} is {@code true} or
 * not set. Every llm-tracing auto-configuration carries it, so that the one switch turns
 * all of them off without chains of conditions on each other's beans.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@ConditionalOnBooleanProperty(name = "llm.tracing.enabled", matchIfMissing = true)
public @interface ConditionalOnLlmTracingEnabled {

}
