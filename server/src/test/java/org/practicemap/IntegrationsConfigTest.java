package org.practicemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Persisted queries and webhook deliveries: defaults, values, and bad values named. */
class IntegrationsConfigTest {

  @Test
  void defaultsMatchTheDocumentedTable() {
    assertEquals(Config.Integrations.DEFAULT, Config.fromEnv(Map.of()).integrations());
  }

  @Test
  void valuesAreRead() {
    Config.Integrations read =
        Config.fromEnv(
                Map.of(
                    "PERSISTED_QUERIES", "AllowList",
                    "PERSISTED_QUERY_CACHE_SIZE", "0",
                    "PERSISTED_QUERIES_DIR", ".",
                    "WEBHOOK_DELIVERY", "false",
                    "WEBHOOK_TIMEOUT_SECONDS", "3",
                    "WEBHOOK_POLL_MS", "100",
                    "WEBHOOK_RETRY_SECONDS", "1",
                    "WEBHOOK_CONCURRENCY", "2"))
            .integrations();
    assertEquals(
        new Config.Integrations(
            Config.PersistedQueryMode.ALLOWLIST,
            0,
            Optional.of(java.nio.file.Path.of(".")),
            false,
            3,
            100,
            1,
            2),
        read);
  }

  @Test
  void aBadValueFailsWithOneLineNamingTheVariable() {
    assertMessage("PERSISTED_QUERIES", Map.of("PERSISTED_QUERIES", "sometimes"));
    assertMessage("PERSISTED_QUERY_CACHE_SIZE", Map.of("PERSISTED_QUERY_CACHE_SIZE", "-1"));
    assertMessage("PERSISTED_QUERIES_DIR", Map.of("PERSISTED_QUERIES_DIR", "/no/such/dir"));
    assertMessage("WEBHOOK_DELIVERY", Map.of("WEBHOOK_DELIVERY", "perhaps"));
    assertMessage("WEBHOOK_TIMEOUT_SECONDS", Map.of("WEBHOOK_TIMEOUT_SECONDS", "0"));
    assertMessage("WEBHOOK_POLL_MS", Map.of("WEBHOOK_POLL_MS", "10"));
    assertMessage("WEBHOOK_RETRY_SECONDS", Map.of("WEBHOOK_RETRY_SECONDS", "ten"));
    assertMessage("WEBHOOK_CONCURRENCY", Map.of("WEBHOOK_CONCURRENCY", "100"));
  }

  private static void assertMessage(String variable, Map<String, String> env) {
    var e = assertThrows(Config.ConfigException.class, () -> Config.fromEnv(env));
    assertTrue(e.getMessage().startsWith("Bad configuration: " + variable + "="), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }
}
