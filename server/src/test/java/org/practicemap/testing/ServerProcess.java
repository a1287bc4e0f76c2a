package org.practicemap.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server in a JVM of its own, started as production starts it ({@code org.practicemap.Main},
 * configured by environment variables) from the test classpath, so that a test can run replicas
 * side by side, send them signals (SIGTERM: {@link #terminate}) and kill them ({@link #kill}: what
 * SIGKILL or a lost machine does). Its output goes to {@code target/processes/<name>.log}.
 */
public final class ServerProcess implements AutoCloseable {
  private static final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private ServerProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts a server on a free port with {@code env} (plus {@code PORT}); returns at once: call
   * {@link #awaitReady}. A small heap and the quick compiler keep two of them light on the CPU.
   */
  public static ServerProcess start(String name, Map<String, String> env) {
    int port = freePort();
    Path log = Path.of("target", "processes", name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx384m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true",
            "-cp",
            System.getProperty("java.class.path"),
            "org.practicemap.Main"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME"));
    builder.environment().putAll(env);
    builder.environment().put("PORT", Integer.toString(port));
    try {
      Files.createDirectories(log.getParent());
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
      return new ServerProcess(name, builder.start(), port, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code /health/ready} answers 200; fails if the process exits first. */
  public ServerProcess awaitReady(Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + output());
      }
      try {
        if (get("/health/ready").statusCode() == 200) {
          return this;
        }
      } catch (UncheckedIOException notYet) {
        // still starting
      }
      sleep(200);
    }
    throw new AssertionError(name + " was not ready within " + within + ":\n" + output());
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Everything the process wrote so far. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the output holds {@code text}. */
  public void awaitOutput(String text, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!output().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + " never wrote \"" + text + "\":\n" + output());
      }
      sleep(50);
    }
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
  }

  /** A GraphQL POST, answered asynchronously (an I/O failure fails the future). */
  public CompletableFuture<HttpResponse<String>> postAsync(
      String query, Map<String, Object> variables) {
    return http.sendAsync(
        graphqlRequest(query, variables),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A GraphQL POST that must answer 200 without errors; returns {@code data}. */
  public JsonObject data(String query, Map<String, Object> variables) {
    HttpResponse<String> response = sendRequest(graphqlRequest(query, variables));
    JsonObject body = new JsonObject(response.body());
    if (response.statusCode() != 200 || body.containsKey("errors")) {
      throw new AssertionError(name + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return body.getJsonObject("data");
  }

  private HttpRequest graphqlRequest(String query, Map<String, Object> variables) {
    return HttpRequest.newBuilder(URI.create(url("/graphql")))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                new JsonObject().put("query", query).put("variables", variables).encode()))
        .build();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return sendRequest(request.timeout(Duration.ofSeconds(30)).build());
  }

  private static HttpResponse<String> sendRequest(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGTERM, as {@code docker stop} and Kubernetes send it. */
  public void terminate() {
    process.destroy();
  }

  /** SIGKILL: no shutdown hook runs, requests in flight are cut off. */
  public void kill() {
    process.destroyForcibly();
    waitForExit(Duration.ofSeconds(30));
  }

  /** Waits for the process to end; true when it did within the time given. */
  public boolean waitForExit(Duration within) {
    try {
      return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public int exitValue() {
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the process if a test left it running: SIGTERM, then SIGKILL after 15 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!waitForExit(Duration.ofSeconds(15))) {
      kill();
    }
  }
}
