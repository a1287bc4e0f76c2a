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
    assertEquals(new Config.BookingLimits(10, 60), config.bookingLimits());
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
  }

  @Test
  void aBadDatabaseUrlNeverEchoesItsPassword() {
    var e =
        assertThrows(
            Config.ConfigException.class,
            () -> Config.fromEnv(Map.of("DATABASE_URL", "postgresql://u:s3cr@t=x@h/db")));
    assertFalse(e.getMessage().contains("s3cr"), e.getMessage());
  }

  private static void assertMessage(String variable, Map<String, String> env) {
    var e = assertThrows(Config.ConfigException.class, () -> Config.fromEnv(env));
    assertTrue(e.getMessage().contains(variable + "="), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }
}
