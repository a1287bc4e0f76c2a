package org.practicemap.bench.live;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under test, in a process of its own (so that its memory is its own), over a fresh
 * embedded PostgreSQL in a temporary directory. Its output goes to {@code
 * target/live-bench-server.log}.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private final Process process;
  private final int port;
  private final int pgPort;

  private ServerProcess(Process process, int port, int pgPort) {
    this.process = process;
    this.port = port;
    this.pgPort = pgPort;
  }

  static ServerProcess start(String jar) throws Exception {
    int port = freePort();
    int pgPort = freePort();
    Path data = Files.createTempDirectory("live-bench-");
    // LIVE_BENCH_HEAP (e.g. 1g) caps the server's heap: the suite checks 10,000 subscribers in 1
    // GB.
    String heap = System.getenv().getOrDefault("LIVE_BENCH_HEAP", "2g");
    ProcessBuilder builder =
        new ProcessBuilder(
            "java", "-Xms512m", "-Xmx" + heap, "-XX:+UseG1GC", "-jar", Path.of(jar).toString());
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("DATA_DIR", data.toString());
    builder.environment().put("EMBEDDED_PG_PORT", Integer.toString(pgPort));
    builder.environment().put("DEMO_DATA", "false");
    // Every client socket comes from 127.0.0.1: no per-address limits.
    builder.environment().put("WS_MAX_CONNECTIONS_PER_IP", "0");
    builder.environment().put("RATE_LIMIT_PER_IP_MINUTE", "0");
    Path log = Path.of("target", "live-bench-server.log");
    Files.createDirectories(log.getParent());
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    ServerProcess server = new ServerProcess(builder.start(), port, pgPort);
    server.awaitHealthy();
    return server;
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  String databaseUrl() {
    return "postgresql://postgres@127.0.0.1:" + pgPort + "/practicemap";
  }

  /** Heap in use after a full collection, from {@code jcmd}. */
  long heapUsedKb() throws Exception {
    jcmd("GC.run");
    Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
    if (!m.find()) {
      throw new IllegalStateException("jcmd GC.heap_info gave no heap figure");
    }
    return Long.parseLong(m.group(1));
  }

  /** Resident memory of the process: heap, metaspace, thread stacks, direct buffers. */
  long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid());
  }

  /** The server's class histogram (after a full collection), written to {@code file}. */
  void histogram(Path file) throws Exception {
    Files.writeString(file, jcmd("GC.class_histogram"));
  }

  private String jcmd(String command) throws Exception {
    Process jcmd =
        new ProcessBuilder("jcmd", Long.toString(pid()), command).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes());
    jcmd.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  private void awaitHealthy() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited; see target/live-bench-server.log");
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the server did not become healthy in 3 minutes");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
