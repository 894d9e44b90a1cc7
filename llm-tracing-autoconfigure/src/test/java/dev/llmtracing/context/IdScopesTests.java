package dev.llmtracing.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.util.LogbackMDCAdapter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IdScopes} and {@link IdScope}.
 *
 * @author llm-tracing
 */
class IdScopesTests {

	private final List<String> rejections = new ArrayList<>();

	private final IdScopes idScopes = new IdScopes(MdcKeys.DEFAULT, new IdValidator(32),
			(kind, source) -> this.rejections.add(kind + "@" + source));

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void shouldPutIdsInMdcWhileOpen() {
		try (IdScope scope = this.idScopes.open("req-1", "ctx-1", "user-1")) {
			assertThat(MDC.get("requestId")).isEqualTo("req-1");
			assertThat(MDC.get("contextId")).isEqualTo("ctx-1");
			assertThat(MDC.get("userId")).isEqualTo("user-1");
			assertThat(this.idScopes.current()).isEqualTo(new TracingIds("req-1", "ctx-1", "user-1"));
			assertThat(scope.ids()).isEqualTo(new TracingIds("req-1", "ctx-1", "user-1"));
		}
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void shouldRestorePreviousValuesOnClose() {
		MDC.put("requestId", "outer");
		MDC.put("other", "kept");
		try (IdScope scope = this.idScopes.open("inner", "ctx", null)) {
			assertThat(MDC.get("requestId")).isEqualTo("inner");
		}
		assertThat(MDC.get("requestId")).isEqualTo("outer");
		assertThat(MDC.get("contextId")).isNull();
		assertThat(MDC.get("other")).isEqualTo("kept");
	}

	@Test
	void shouldGenerateRequestIdWhenMissing() {
		try (IdScope scope = this.idScopes.open(null, null, null)) {
			assertThat(scope.ids().requestId())
				.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
			assertThat(MDC.get("requestId")).isEqualTo(scope.ids().requestId());
		}
		assertThat(this.rejections).isEmpty();
	}

	@Test
	void shouldReplaceInvalidRequestIdAndDropInvalidOthers() {
		TracingIds ids = this.idScopes.validate("bad id", "ctx\r\nX-Injected: 1", "x".repeat(33), "test");
		assertThat(ids.requestId()).isNotEqualTo("bad id").hasSize(36);
		assertThat(ids.contextId()).isNull();
		assertThat(ids.userId()).isNull();
		assertThat(this.rejections).containsExactly("REQUEST@test", "CONTEXT@test", "USER@test");
	}

	@Test
	void shouldNotFailWhenRejectionListenerThrows() {
		IdScopes scopes = new IdScopes(MdcKeys.DEFAULT, new IdValidator(8), (kind, source) -> {
			throw new IllegalStateException("listener failed");
		});
		assertThat(scopes.validate("not valid", null, null, "api").requestId()).hasSize(36);
	}

	@Test
	void shouldUseConfiguredMdcKeys() {
		IdScopes scopes = new IdScopes(new MdcKeys("rid", "cid", "uid"), new IdValidator(8), IdRejectionListener.NONE);
		try (IdScope scope = scopes.open("r", "c", "u")) {
			assertThat(MDC.get("rid")).isEqualTo("r");
			assertThat(MDC.get("requestId")).isNull();
		}
	}

	@Test
	void shouldIgnoreSecondClose() {
		IdScope scope = this.idScopes.open("first", null, null);
		scope.close();
		MDC.put("requestId", "later");
		scope.close();
		assertThat(MDC.get("requestId")).isEqualTo("later");
	}

	@Test
	void shouldWriteNoMdcEntryForAScopeInsideAnotherWithTheSameIds() {
		try (IdScope call = this.idScopes.open("req-n", "ctx-n", null)) {
			Map<String, String> logged = loggedMdc();
			try (IdScope send = this.idScopes.restore(call.ids())) {
				assertThat(loggedMdc()).as("the MDC a log event sees, not copied again").isSameAs(logged);
			}
			assertThat(loggedMdc()).isSameAs(logged);
			assertThat(this.idScopes.current()).isEqualTo(new TracingIds("req-n", "ctx-n", null));
		}
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void shouldWriteOnlyTheEntriesThatChange() {
		try (IdScope call = this.idScopes.open("req-a", "ctx-shared", "user-a")) {
			try (IdScope other = this.idScopes.restore(new TracingIds("req-b", "ctx-shared", null))) {
				assertThat(this.idScopes.current()).isEqualTo(new TracingIds("req-b", "ctx-shared", null));
			}
			assertThat(this.idScopes.current()).isEqualTo(new TracingIds("req-a", "ctx-shared", "user-a"));
			Map<String, String> logged = loggedMdc();
			this.idScopes.set(call.ids());
			assertThat(loggedMdc()).isSameAs(logged);
		}
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void shouldRestoreTheOuterIdsWhenCodeInsideAScopeWithTheSameIdsChangedThem() {
		try (IdScope call = this.idScopes.open("req-o", null, null)) {
			try (IdScope send = this.idScopes.restore(call.ids())) {
				MDC.put("requestId", "changed-inside");
				MDC.put("userId", "changed-inside");
			}
			assertThat(this.idScopes.current()).isEqualTo(new TracingIds("req-o", null, null));
		}
	}

	/**
	 * The MDC map Logback gives the next log event: the same instance as long as nothing
	 * was written to the MDC since it was made.
	 */
	private static Map<String, String> loggedMdc() {
		return ((LogbackMDCAdapter) MDC.getMDCAdapter()).getPropertyMap();
	}

	@Test
	void shouldTellTheScopeListenerOfUnitsOfWorkButNotOfRestoredScopes() {
		List<String> events = new ArrayList<>();
		IdScopes scopes = new IdScopes(MdcKeys.DEFAULT, new IdValidator(64), IdRejectionListener.NONE, (ids) -> {
			events.add("open " + ids.requestId() + " with MDC " + MDC.get("requestId"));
			return () -> events.add("close " + ids.requestId() + " with MDC " + MDC.get("requestId"));
		});
		try (IdScope job = scopes.open("job-1", null, null)) {
			try (IdScope hop = scopes.restore(job.ids())) {
				events.add("restored");
			}
		}
		assertThat(events).containsExactly("open job-1 with MDC job-1", "restored", "close job-1 with MDC null");
	}

	@Test
	void shouldOpenAndCloseWhenTheScopeListenerOrItsCloserThrows() {
		IdScopes failingOnOpen = new IdScopes(MdcKeys.DEFAULT, new IdValidator(64), IdRejectionListener.NONE, (ids) -> {
			throw new IllegalStateException("listener");
		});
		try (IdScope scope = failingOnOpen.open("job-2", null, null)) {
			assertThat(MDC.get("requestId")).isEqualTo("job-2");
		}
		IdScopes failingOnClose = new IdScopes(MdcKeys.DEFAULT, new IdValidator(64), IdRejectionListener.NONE,
				(ids) -> () -> {
					throw new IllegalStateException("closer");
				});
		IdScope scope = failingOnClose.open("job-3", null, null);
		scope.close();
		assertThat(MDC.get("requestId")).isNull();
	}

}
