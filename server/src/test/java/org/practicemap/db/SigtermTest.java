package org.practicemap.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as an operator runs it, in a process of its own: SIGTERM (what {@code docker stop},
 * systemd and Ctrl-C's neighbours send) stops it and the embedded PostgreSQL it started, cleanly —
 * no postmaster left running, no {@code postmaster.pid} left behind for the next start to trip on.
 */
class SigtermTest {

  @Test
  void sigtermStopsTheServerAndItsEmbeddedPostgresql(@TempDir Path dataDir) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.practicemap.Main")
            .redirectErrorStream(true);
    builder.environment().put("PORT", "0");
    builder.environment().put("EMBEDDED_PG_PORT", "0");
    builder.environment().put("DATA_DIR", dataDir.toString());
    builder.environment().put("DEMO_DATA", "false");
    builder.environment().put("WEBHOOK_DELIVERY", "false");
    builder.environment().remove("DATABASE_URL");
    Process server = builder.start();
    StringBuilder log = new StringBuilder();
    CountDownLatch listening = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                  synchronized (log) {
                    log.append(line).append('\n');
                  }
                  if (line.contains("Practice Map listening on")) {
                    listening.countDown();
                  }
                }
              } catch (java.io.IOException e) {
                // the process ended
              }
            });
    reader.start();
    try {
      assertTrue(listening.await(180, TimeUnit.SECONDS), "the server did not start:\n" + log);
      Path pid = dataDir.resolve("pg/postmaster.pid");
      assertTrue(Files.exists(pid), "the embedded PostgreSQL runs in DATA_DIR");
      long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).trim());

      server.destroy(); // SIGTERM on Linux

      assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server did not stop:\n" + log);
      reader.join(10_000);
      assertFalse(Files.exists(pid), "postmaster.pid was left behind:\n" + log);
      // PostgreSQL removes its pid file just before its last exit steps: give those a moment.
      var handle = ProcessHandle.of(postmaster);
      if (handle.isPresent()) {
        handle.get().onExit().get(10, TimeUnit.SECONDS);
      }
      assertFalse(handle.map(ProcessHandle::isAlive).orElse(false), "the postmaster still runs");
      synchronized (log) {
        assertFalse(log.toString().contains("Could not stop postmaster"), log.toString());
      }
    } finally {
      server.destroyForcibly();
    }
  }
}
