package org.practicemap;

import io.vertx.pgclient.PgConnectOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The server's configuration, read from environment variables with defaults. A bad value stops
 * start-up with one line that names the variable ({@link ConfigException}).
 */
public record Config(
    int port,
    Optional<String> databaseUrl,
    Path dataDir,
    int embeddedPgPort,
    boolean demoData,
    String publicBaseUrl,
    BookingLimits bookingLimits) {

  /**
   * Booking attempts allowed per mobile number and per client IP in one clock hour; 0 turns a limit
   * off (load tests). Counted in PostgreSQL, so they hold across replicas.
   */
  public record BookingLimits(int perPhoneHour, int perIpHour) {
    public static final BookingLimits OFF = new BookingLimits(0, 0);
  }

  /** Thrown for a configuration value that cannot be used; its message is the line to print. */
  public static final class ConfigException extends RuntimeException {
    ConfigException(String variable, String value, String expected) {
      super("Bad configuration: " + variable + "=" + value + " (" + expected + ")");
    }
  }

  public static Config fromEnv(Map<String, String> env) {
    var vars = new Vars(env);
    int port = vars.port("PORT", 8080);
    Optional<String> databaseUrl = vars.optional("DATABASE_URL").map(url -> databaseUrl(url));
    return new Config(
        port,
        databaseUrl,
        Path.of(vars.optional("DATA_DIR").orElse("./data")),
        vars.port("EMBEDDED_PG_PORT", 5433),
        vars.bool("DEMO_DATA", true),
        vars.optional("PUBLIC_BASE_URL").map(Config::baseUrl).orElse(null),
        new BookingLimits(
            vars.count("BOOKING_LIMIT_PER_PHONE_HOUR", 10),
            vars.count("BOOKING_LIMIT_PER_IP_HOUR", 60)));
  }

  /** The base of URLs put in QR codes; when unset, this server's own address. */
  public String publicBaseUrl(int actualPort) {
    return publicBaseUrl != null ? publicBaseUrl : "http://localhost:" + actualPort;
  }

  public Config withPort(int port) {
    return new Config(
        port, databaseUrl, dataDir, embeddedPgPort, demoData, publicBaseUrl, bookingLimits);
  }

  public Config withDatabaseUrl(String url) {
    return new Config(
        port, Optional.of(url), dataDir, embeddedPgPort, demoData, publicBaseUrl, bookingLimits);
  }

  private static String databaseUrl(String url) {
    try {
      PgConnectOptions.fromUri(url);
      return url;
    } catch (RuntimeException e) {
      // The value may hold a password: never echo it.
      throw new ConfigException(
          "DATABASE_URL",
          "<hidden>",
          "expected postgresql://user:password@host:port/database,"
              + " with special characters in the password percent-encoded");
    }
  }

  private static String baseUrl(String value) {
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null
          || !uri.getScheme().matches("https?")
          || uri.getHost() == null
          || value.endsWith("/")) {
        throw new IllegalArgumentException();
      }
      return value;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "PUBLIC_BASE_URL", value, "expected an http(s) URL without a trailing slash");
    }
  }

  /** Typed access to the variables; each method names its variable in the error. */
  private record Vars(Map<String, String> env) {
    Optional<String> optional(String name) {
      return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    int port(String name, int defaultValue) {
      return optional(name).map(v -> parsePort(name, v)).orElse(defaultValue);
    }

    boolean bool(String name, boolean defaultValue) {
      return optional(name)
          .map(
              v ->
                  switch (v.toLowerCase()) {
                    case "true", "1", "yes" -> true;
                    case "false", "0", "no" -> false;
                    default -> throw new ConfigException(name, v, "expected true or false");
                  })
          .orElse(defaultValue);
    }

    /** A whole number from 0 to 1,000,000, e.g. a limit where 0 means off. */
    int count(String name, int defaultValue) {
      return optional(name).map(v -> parseCount(name, v)).orElse(defaultValue);
    }

    private static int parseCount(String name, String value) {
      try {
        int count = Integer.parseInt(value);
        if (count >= 0 && count <= 1_000_000) {
          return count;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new ConfigException(name, value, "expected a whole number from 0 (off) to 1000000");
    }

    private static int parsePort(String name, String value) {
      try {
        int port = Integer.parseInt(value);
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new ConfigException(name, value, "expected a port number from 0 to 65535");
    }
  }
}
