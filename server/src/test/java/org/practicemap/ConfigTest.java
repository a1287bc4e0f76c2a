package org.practicemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void defaultsMatchTheDocumentedTable() {
    Config config = Config.fromEnv(Map.of());
    assertEquals(8080, config.port());
    assertEquals(Optional.empty(), config.databaseUrl());
    assertEquals(Path.of("./data"), config.dataDir());
    assertEquals(5433, config.embeddedPgPort());
    assertTrue(config.demoData());
    assertEquals("http://localhost:8080", config.publicBaseUrl(8080));
    assertEquals(new org.practicemap.http.ws.WsOptions(64, 32, 20, 10, 30), config.ws());
    assertEquals(new Config.BookingLimits(10, 60), config.bookingLimits());
  }

  @Test
  void webSocketLimitsAreReadAndZeroConnectionsMeansNoLimit() {
    Config config =
        Config.fromEnv(
            Map.of(
                "WS_MAX_CONNECTIONS_PER_IP", "0",
                "WS_MAX_SUBSCRIPTIONS_PER_CONNECTION", "5",
                "WS_PING_SECONDS", "15",
                "WS_INIT_TIMEOUT_SECONDS", "3",
                "WS_REAUTH_SECONDS", "25"));
    assertEquals(new org.practicemap.http.ws.WsOptions(0, 5, 15, 3, 25), config.ws());
    assertMessage(
        "WS_MAX_SUBSCRIPTIONS_PER_CONNECTION", Map.of("WS_MAX_SUBSCRIPTIONS_PER_CONNECTION", "0"));
    assertMessage("WS_PING_SECONDS", Map.of("WS_PING_SECONDS", "soon"));
    assertMessage("WS_MAX_CONNECTIONS_PER_IP", Map.of("WS_MAX_CONNECTIONS_PER_IP", "-1"));
    // checked at least every 30 s, so that a revoked token stops within a minute
    assertMessage("WS_REAUTH_SECONDS", Map.of("WS_REAUTH_SECONDS", "31"));
  }

  @Test
  void bookingLimitsAreReadAndZeroTurnsThemOff() {
    Config config =
        Config.fromEnv(
            Map.of("BOOKING_LIMIT_PER_PHONE_HOUR", "3", "BOOKING_LIMIT_PER_IP_HOUR", "0"));
    assertEquals(new Config.BookingLimits(3, 0), config.bookingLimits());
    assertMessage("BOOKING_LIMIT_PER_PHONE_HOUR", Map.of("BOOKING_LIMIT_PER_PHONE_HOUR", "-1"));
    assertMessage("BOOKING_LIMIT_PER_IP_HOUR", Map.of("BOOKING_LIMIT_PER_IP_HOUR", "ten"));
  }

  @Test
  void valuesAreRead() {
    Config config =
        Config.fromEnv(
            Map.of(
                "PORT", "0",
                "DATABASE_URL", "postgresql://pm:s%40cret@db:5432/practicemap",
                "DATA_DIR", "/var/lib/pm",
                "EMBEDDED_PG_PORT", "6543",
                "DEMO_DATA", "false",
                "PUBLIC_BASE_URL", "https://map.example.cn"));
    assertEquals(0, config.port());
    assertTrue(config.databaseUrl().isPresent());
    assertEquals(Path.of("/var/lib/pm"), config.dataDir());
    assertEquals(6543, config.embeddedPgPort());
    assertFalse(config.demoData());
    assertEquals("https://map.example.cn", config.publicBaseUrl(1234));
  }

  @Test
  void aBadValueFailsWithOneLineNamingTheVariable() {
    assertMessage("PORT", Map.of("PORT", "80a"));
    assertMessage("PORT", Map.of("PORT", "70000"));
    assertMessage("EMBEDDED_PG_PORT", Map.of("EMBEDDED_PG_PORT", "-1"));
    assertMessage("DEMO_DATA", Map.of("DEMO_DATA", "maybe"));
    assertMessage("PUBLIC_BASE_URL", Map.of("PUBLIC_BASE_URL", "map.example.cn"));
    assertMessage("PUBLIC_BASE_URL", Map.of("PUBLIC_BASE_URL", "https://map.example.cn/"));
    assertMessage("DATABASE_URL", Map.of("DATABASE_URL", "mysql://x"));
    assertMessage("RATE_LIMIT_PER_IP_MINUTE", Map.of("RATE_LIMIT_PER_IP_MINUTE", "-5"));
    assertMessage("TRUSTED_PROXIES", Map.of("TRUSTED_PROXIES", "10.0.0.0/8,proxy.example"));
    assertMessage("TRUSTED_PROXIES", Map.of("TRUSTED_PROXIES", "10.0.0.0/40"));
    assertMessage("TOKEN_CACHE_SECONDS", Map.of("TOKEN_CACHE_SECONDS", "31"));
    assertMessage("MAX_QUERY_DEPTH", Map.of("MAX_QUERY_DEPTH", "1"));
    assertMessage("MAX_QUERY_COST", Map.of("MAX_QUERY_COST", "lots"));
    assertMessage("MAX_QUERY_ALIASES", Map.of("MAX_QUERY_ALIASES", "1.5"));
    assertMessage("MAX_QUERY_TOKENS", Map.of("MAX_QUERY_TOKENS", "10"));
  }

  @Test
  void accessAndLimitsHaveSafeDefaults() {
    Config config = Config.fromEnv(Map.of());
    assertEquals(null, config.access().adminToken());
    assertEquals(15, config.access().tokenCacheSeconds());
    assertEquals(Config.Limits.DEFAULT, config.limits());
    Config read =
        Config.fromEnv(
            Map.of(
                "RATE_LIMIT_PER_IP_MINUTE", "0",
                "TRUSTED_PROXIES", " 10.0.0.0/8 , ::1 ",
                "MAX_QUERY_COST", "5000"));
    assertEquals(0, read.limits().ratePerIpMinute());
    assertEquals(java.util.List.of("10.0.0.0/8", "::1"), read.limits().trustedProxies());
    assertEquals(5000, read.limits().maxQueryCost());
  }

  @Test
  void aBadAdminTokenIsRefusedWithoutEchoingIt() {
    var e =
        assertThrows(
            Config.ConfigException.class,
            () -> Config.fromEnv(Map.of("ADMIN_TOKEN", "short-secret")));
    assertTrue(e.getMessage().contains("ADMIN_TOKEN="), e.getMessage());
    assertFalse(e.getMessage().contains("short-secret"), e.getMessage());
    String good = "a-long-enough-admin-token-0123456789";
    Config config = Config.fromEnv(Map.of("ADMIN_TOKEN", good));
    assertEquals(good, config.access().adminToken());
    assertFalse(config.toString().contains(good), config.toString());
  }

  @Test
  void aBadDatabaseUrlNeverEchoesItsPassword() {
    var e =
        assertThrows(
            Config.ConfigException.class,
            () -> Config.fromEnv(Map.of("DATABASE_URL", "postgresql://u:s3cr@t=x@h/db")));
    assertFalse(e.getMessage().contains("s3cr"), e.getMessage());
  }

  @Test
  void corsOriginsAreAnyByDefaultAListOrOffWhenEmpty() {
    assertEquals(Config.Cors.ANY, Config.fromEnv(Map.of()).cors());
    assertEquals(Config.Cors.ANY, Config.fromEnv(Map.of("CORS_ORIGINS", " * ")).cors());
    assertEquals(Config.Cors.OFF, Config.fromEnv(Map.of("CORS_ORIGINS", "")).cors());
    assertEquals(
        java.util.List.of("https://app.example.org", "http://localhost:3000", "http://[::1]:8081"),
        Config.fromEnv(
                Map.of(
                    "CORS_ORIGINS",
                    "https://App.Example.org, http://localhost:3000,http://[::1]:8081"))
            .cors()
            .origins());
    assertMessage("CORS_ORIGINS", Map.of("CORS_ORIGINS", "app.example.org"));
    assertMessage("CORS_ORIGINS", Map.of("CORS_ORIGINS", "https://app.example.org/"));
    assertMessage("CORS_ORIGINS", Map.of("CORS_ORIGINS", "https://a.org,,https://b.org"));
    assertMessage("CORS_ORIGINS", Map.of("CORS_ORIGINS", "*,https://a.org"));
    assertMessage("CORS_ORIGINS", Map.of("CORS_ORIGINS", "ftp://a.org"));
  }

  private static void assertMessage(String variable, Map<String, String> env) {
    var e = assertThrows(Config.ConfigException.class, () -> Config.fromEnv(env));
    assertTrue(e.getMessage().contains(variable + "="), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }
}
