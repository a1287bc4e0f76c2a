package org.practicemap;

import io.vertx.pgclient.PgConnectOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.practicemap.http.ws.WsOptions;

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
    Access access,
    Limits limits,
    WsOptions ws,
    BookingLimits bookingLimits,
    Integrations integrations,
    Operations operations,
    Cors cors) {

  /**
   * Running in production: whether {@code /metrics} is served (and Vert.x measures), the bearer
   * token that reading it needs (null: open), how log lines are written, and how long a stopping
   * server lets requests in flight finish.
   */
  public record Operations(
      boolean metrics,
      String metricsToken,
      LogFormat logFormat,
      int shutdownGraceSeconds,
      ResponseCaching responseCache) {
    public static final Operations DEFAULT =
        new Operations(true, null, LogFormat.TEXT, 6, ResponseCaching.DEFAULT);

    @Override
    public String toString() {
      return "Operations[metrics="
          + metrics
          + ", metricsToken="
          + (metricsToken == null ? "unset" : "<hidden>")
          + ", logFormat="
          + logFormat
          + ", shutdownGraceSeconds="
          + shutdownGraceSeconds
          + ", responseCache="
          + responseCache
          + "]";
    }
  }

  /**
   * The per-replica cache of answers to nearby questions asked without a token: how long an answer
   * is kept at most (0 = off; changes drop answers sooner) and how much memory it may take.
   */
  public record ResponseCaching(int seconds, int megabytes) {
    public static final ResponseCaching DEFAULT = new ResponseCaching(60, 64);
    public static final ResponseCaching OFF = new ResponseCaching(0, 0);
  }

  /** TEXT: lines for people; JSON: one JSON object per line, for log collectors. */
  public enum LogFormat {
    TEXT,
    JSON
  }

  /**
   * Booking attempts allowed per mobile number and per client IP in one clock hour; 0 turns a limit
   * off (load tests). Counted in PostgreSQL, so they hold across replicas.
   */
  public record BookingLimits(int perPhoneHour, int perIpHour) {
    public static final BookingLimits OFF = new BookingLimits(0, 0);
  }

  /**
   * Tokens: {@code adminToken} is a bearer token to store (hashed) as an ADMIN token at start-up,
   * or null; {@code tokenCacheSeconds} is how long a replica trusts a token it has checked, which
   * bounds how late it notices a revocation made elsewhere (0 = check every request).
   */
  public record Access(String adminToken, int tokenCacheSeconds) {
    public static final Access DEFAULT = new Access(null, 15);

    @Override
    public String toString() {
      return "Access[adminToken=" + (adminToken == null ? "unset" : "<hidden>") + "]";
    }
  }

  /**
   * Abuse limits on {@code /graphql}: requests per client IP and minute (0 = off), the proxies
   * whose X-Forwarded-For is believed, and the most a single query may ask for.
   */
  public record Limits(
      int ratePerIpMinute,
      java.util.List<String> trustedProxies,
      int maxQueryDepth,
      int maxQueryCost,
      int maxAliases,
      int maxTokens) {
    public static final Limits DEFAULT = new Limits(600, java.util.List.of(), 12, 2000, 30, 5000);
  }

  /**
   * What other systems use: persisted queries ({@code mode} AUTOMATIC or ALLOWLIST, the most
   * documents cached, an optional directory of extra registered queries) and webhook deliveries
   * (whether this replica delivers, the HTTP timeout, how often due deliveries are looked for, the
   * first retry delay that doubles on each failure, and how many deliveries one endpoint may have
   * in flight).
   */
  public record Integrations(
      PersistedQueryMode persistedQueries,
      int persistedQueryCacheSize,
      Optional<Path> persistedQueriesDir,
      boolean webhookDelivery,
      int webhookTimeoutSeconds,
      int webhookPollMillis,
      int webhookRetrySeconds,
      int webhookConcurrency) {
    public static final Integrations DEFAULT =
        new Integrations(
            PersistedQueryMode.AUTOMATIC, 1000, Optional.empty(), true, 10, 1000, 10, 4);
  }

  /**
   * AUTOMATIC: any client may register a query by its SHA-256 (Apollo's automatic persisted
   * queries). ALLOWLIST: callers without a token may run only the registered queries.
   */
  public enum PersistedQueryMode {
    AUTOMATIC,
    ALLOWLIST
  }

  /**
   * Which web pages on other origins may call the public endpoints from a browser ({@code
   * /graphql}, {@code /qr}, {@code /geo}, {@code /ics}): {@code ["*"]} any (the default: a public
   * API, and tokens are bearer headers, never cookies), a list of exact origins, or none (CORS off:
   * browsers then allow only the server's own pages).
   */
  public record Cors(java.util.List<String> origins) {
    public static final Cors ANY = new Cors(java.util.List.of("*"));
    public static final Cors OFF = new Cors(java.util.List.of());

    public boolean any() {
      return origins.equals(ANY.origins);
    }
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
        new Access(
            vars.optional("ADMIN_TOKEN").map(Config::adminToken).orElse(null),
            vars.integer("TOKEN_CACHE_SECONDS", 15, 0, 30)),
        new Limits(
            vars.integer("RATE_LIMIT_PER_IP_MINUTE", 600, 0, 1_000_000),
            vars.optional("TRUSTED_PROXIES")
                .map(Config::trustedProxies)
                .orElse(java.util.List.of()),
            vars.integer("MAX_QUERY_DEPTH", 12, 2, 100),
            vars.integer("MAX_QUERY_COST", 2000, 10, 10_000_000),
            vars.integer("MAX_QUERY_ALIASES", 30, 0, 10_000),
            vars.integer("MAX_QUERY_TOKENS", 5000, 100, 1_000_000)),
        new WsOptions(
            vars.integer("WS_MAX_CONNECTIONS_PER_IP", 64, 0, 1_000_000),
            vars.integer("WS_MAX_SUBSCRIPTIONS_PER_CONNECTION", 32, 1, 1_000),
            vars.integer("WS_PING_SECONDS", 20, 1, 3_600),
            vars.integer("WS_INIT_TIMEOUT_SECONDS", 10, 1, 300),
            // with the token cache (at most 30 s), a revocation shows within a minute
            vars.integer("WS_REAUTH_SECONDS", 30, 1, 30)),
        new BookingLimits(
            vars.integer("BOOKING_LIMIT_PER_PHONE_HOUR", 10, 0, 1_000_000),
            vars.integer("BOOKING_LIMIT_PER_IP_HOUR", 60, 0, 1_000_000)),
        integrations(vars),
        operations(vars),
        cors(env.get("CORS_ORIGINS")));
  }

  private static Operations operations(Vars vars) {
    return new Operations(
        vars.bool("METRICS", true),
        vars.optional("METRICS_TOKEN").map(v -> secret("METRICS_TOKEN", v)).orElse(null),
        vars.optional("LOG_FORMAT").map(Config::logFormat).orElse(LogFormat.TEXT),
        // with the database's own stop, the process exits within 10 s of SIGTERM by default
        vars.integer("SHUTDOWN_GRACE_SECONDS", 6, 0, 60),
        new ResponseCaching(
            vars.integer("RESPONSE_CACHE_SECONDS", 60, 0, 3_600),
            vars.integer("RESPONSE_CACHE_MB", 64, 1, 65_536)));
  }

  private static LogFormat logFormat(String value) {
    return switch (value.toLowerCase()) {
      case "text" -> LogFormat.TEXT;
      case "json" -> LogFormat.JSON;
      default -> throw new ConfigException("LOG_FORMAT", value, "expected text or json");
    };
  }

  /**
   * {@code *}, or origins ({@code https://host[:port]}, no path) separated by commas; set but empty
   * turns CORS off, unset means {@code *}.
   */
  private static Cors cors(String value) {
    if (value == null) {
      return Cors.ANY;
    }
    if (value.isBlank()) {
      return Cors.OFF;
    }
    if (value.trim().equals("*")) {
      return Cors.ANY;
    }
    java.util.List<String> origins = new java.util.ArrayList<>();
    for (String part : value.split(",", -1)) {
      String origin = part.trim();
      if (!ORIGIN.matcher(origin).matches()) {
        throw new ConfigException(
            "CORS_ORIGINS",
            value,
            "expected * or origins like https://example.org or http://localhost:3000,"
                + " comma-separated, without paths; empty turns CORS off");
      }
      origins.add(origin.toLowerCase(java.util.Locale.ROOT));
    }
    return new Cors(java.util.List.copyOf(origins));
  }

  /** An origin as browsers send it: scheme, host, optional port; no path, no trailing slash. */
  private static final java.util.regex.Pattern ORIGIN =
      java.util.regex.Pattern.compile(
          "(?i)https?://(\\[[0-9a-f:.]+\\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:[0-9]{1,5})?");

  private static Integrations integrations(Vars vars) {
    return new Integrations(
        vars.optional("PERSISTED_QUERIES")
            .map(Config::persistedQueryMode)
            .orElse(PersistedQueryMode.AUTOMATIC),
        vars.integer("PERSISTED_QUERY_CACHE_SIZE", 1000, 0, 100_000),
        vars.optional("PERSISTED_QUERIES_DIR").map(Config::directory),
        vars.bool("WEBHOOK_DELIVERY", true),
        vars.integer("WEBHOOK_TIMEOUT_SECONDS", 10, 1, 60),
        vars.integer("WEBHOOK_POLL_MS", 1000, 50, 60_000),
        vars.integer("WEBHOOK_RETRY_SECONDS", 10, 1, 3600),
        vars.integer("WEBHOOK_CONCURRENCY", 4, 1, 64));
  }

  private static PersistedQueryMode persistedQueryMode(String value) {
    return switch (value.toLowerCase()) {
      case "automatic", "apq" -> PersistedQueryMode.AUTOMATIC;
      case "allowlist" -> PersistedQueryMode.ALLOWLIST;
      default ->
          throw new ConfigException("PERSISTED_QUERIES", value, "expected automatic or allowlist");
    };
  }

  private static Path directory(String value) {
    Path path = Path.of(value);
    if (!java.nio.file.Files.isDirectory(path)) {
      throw new ConfigException(
          "PERSISTED_QUERIES_DIR", value, "expected a readable directory of .graphql files");
    }
    return path;
  }

  /** The base of URLs put in QR codes; when unset, this server's own address. */
  public String publicBaseUrl(int actualPort) {
    return publicBaseUrl != null ? publicBaseUrl : "http://localhost:" + actualPort;
  }

  public Config withPort(int port) {
    return new Config(
        port,
        databaseUrl,
        dataDir,
        embeddedPgPort,
        demoData,
        publicBaseUrl,
        access,
        limits,
        ws,
        bookingLimits,
        integrations,
        operations,
        cors);
  }

  public Config withDatabaseUrl(String url) {
    return new Config(
        port,
        Optional.of(url),
        dataDir,
        embeddedPgPort,
        demoData,
        publicBaseUrl,
        access,
        limits,
        ws,
        bookingLimits,
        integrations,
        operations,
        cors);
  }

  /** A token of at least 32 characters, so that it cannot be guessed; never echoed. */
  private static String adminToken(String value) {
    return secret("ADMIN_TOKEN", value);
  }

  private static String secret(String variable, String value) {
    if (value.length() < 32 || !value.matches("[\\x21-\\x7E]+")) {
      throw new ConfigException(
          variable, "<hidden>", "expected at least 32 printable characters without spaces");
    }
    return value;
  }

  /** IP addresses or CIDR ranges, comma-separated, e.g. {@code 10.0.0.0/8,127.0.0.1}. */
  private static java.util.List<String> trustedProxies(String value) {
    java.util.List<String> proxies = new java.util.ArrayList<>();
    for (String part : value.split(",")) {
      String proxy = part.trim();
      if (proxy.isEmpty()) {
        continue;
      }
      if (!org.practicemap.http.IpRange.isValid(proxy)) {
        throw new ConfigException(
            "TRUSTED_PROXIES", value, "expected IP addresses or CIDR ranges, comma-separated");
      }
      proxies.add(proxy);
    }
    return java.util.List.copyOf(proxies);
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

    int integer(String name, int defaultValue, int min, int max) {
      return optional(name).map(v -> parseInt(name, v, min, max)).orElse(defaultValue);
    }

    private static int parseInt(String name, String value, int min, int max) {
      try {
        int number = Integer.parseInt(value);
        if (number >= min && number <= max) {
          return number;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new ConfigException(name, value, "expected a whole number from " + min + " to " + max);
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
