package org.practicemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Metrics, log format, shutdown and the response cache: defaults, values, and bad values named
 * (secrets hidden).
 */
class OperationsConfigTest {
  static final String TOKEN = "metrics-token-0123456789abcdefghijklmnop";

  @Test
  void defaultsMatchTheDocumentedTable() {
    assertEquals(Config.Operations.DEFAULT, Config.fromEnv(Map.of()).operations());
    assertEquals(
        new Config.Operations(
            true, null, Config.LogFormat.TEXT, 6, new Config.ResponseCaching(60, 64)),
        Config.Operations.DEFAULT);
  }

  @Test
  void valuesAreRead() {
    Config.Operations read =
        Config.fromEnv(
                Map.of(
                    "METRICS", "false",
                    "METRICS_TOKEN", TOKEN,
                    "LOG_FORMAT", "JSON",
                    "SHUTDOWN_GRACE_SECONDS", "2",
                    "RESPONSE_CACHE_SECONDS", "0",
                    "RESPONSE_CACHE_MB", "8"))
            .operations();
    assertEquals(
        new Config.Operations(
            false, TOKEN, Config.LogFormat.JSON, 2, new Config.ResponseCaching(0, 8)),
        read);
    assertFalse(read.toString().contains(TOKEN), "the metrics token is printed");
  }

  @Test
  void aBadValueFailsWithOneLineNamingTheVariable() {
    assertMessage("METRICS", Map.of("METRICS", "sometimes"));
    assertMessage("METRICS_TOKEN", Map.of("METRICS_TOKEN", "short"));
    assertMessage("METRICS_TOKEN", Map.of("METRICS_TOKEN", "with spaces " + TOKEN));
    assertMessage("LOG_FORMAT", Map.of("LOG_FORMAT", "xml"));
    assertMessage("SHUTDOWN_GRACE_SECONDS", Map.of("SHUTDOWN_GRACE_SECONDS", "61"));
    assertMessage("SHUTDOWN_GRACE_SECONDS", Map.of("SHUTDOWN_GRACE_SECONDS", "-1"));
    assertMessage("RESPONSE_CACHE_SECONDS", Map.of("RESPONSE_CACHE_SECONDS", "soon"));
    assertMessage("RESPONSE_CACHE_SECONDS", Map.of("RESPONSE_CACHE_SECONDS", "3601"));
    assertMessage("RESPONSE_CACHE_MB", Map.of("RESPONSE_CACHE_MB", "0"));
  }

  @Test
  void aBadMetricsTokenIsNotEchoed() {
    var e =
        assertThrows(
            Config.ConfigException.class, () -> Config.fromEnv(Map.of("METRICS_TOKEN", "secret1")));
    assertFalse(e.getMessage().contains("secret1"), e.getMessage());
  }

  private static void assertMessage(String variable, Map<String, String> env) {
    var e = assertThrows(Config.ConfigException.class, () -> Config.fromEnv(env));
    assertTrue(e.getMessage().startsWith("Bad configuration: " + variable + "="), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }
}
