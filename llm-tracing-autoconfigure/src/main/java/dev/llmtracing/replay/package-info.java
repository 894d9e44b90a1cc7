/**
 * Replay of recorded exchanges against a chat model, to reproduce them or to compare
 * another model or prompt version with them. Supported API:
 * {@link dev.llmtracing.replay.ExchangeReplayer},
 * {@link dev.llmtracing.replay.ExchangeLogReader} and
 * {@link dev.llmtracing.replay.EncryptedRecords}.
 */
@NullMarked
package dev.llmtracing.replay;

import org.jspecify.annotations.NullMarked;
