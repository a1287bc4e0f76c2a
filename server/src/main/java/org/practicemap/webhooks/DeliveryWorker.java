package org.practicemap.webhooks;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import org.practicemap.Config;
import org.practicemap.db.Sql;
import org.practicemap.graphql.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: one per replica, on its own event loop. It claims due deliveries (every
 * poll, and again whenever one finishes, so a backlog drains as fast as the endpoints answer),
 * POSTs each with a total timeout, and records the outcome with the next attempt's time. Nothing
 * here blocks, and no endpoint has more than its few leases: a slow or dead endpoint costs the
 * others nothing. Payloads are never logged.
 */
public final class DeliveryWorker extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final long SWEEP_PERIOD_MS = 3_600_000;
  private static final int RETENTION_DAYS = 30;

  private final DeliveryQueue queue;
  private final Config.Integrations settings;
  private final Set<Long> inFlight = new HashSet<>();

  /** Outcomes being written: stopping waits for them, or their leases would hold the rows. */
  private final Set<Future<?>> recording = new HashSet<>();

  private HttpClientAgent client;
  private long pollTimer;
  private long sweepTimer;
  private boolean claiming;
  private boolean claimAgain;
  private boolean stopping;

  public DeliveryWorker(Sql sql, Config.Integrations settings) {
    this.queue = new DeliveryQueue(sql);
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    int timeoutMs = settings.webhookTimeoutSeconds() * 1000;
    client =
        vertx.createHttpClient(
            new HttpClientOptions().setConnectTimeout(timeoutMs).setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(settings.webhookConcurrency()));
    pollTimer = vertx.setPeriodic(settings.webhookPollMillis(), t -> claim());
    sweepTimer = vertx.setPeriodic(SWEEP_PERIOD_MS, t -> sweep());
    claim();
    return Future.succeededFuture();
  }

  /** Gives back what is in flight, so a restart or another replica sends it without waiting. */
  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(pollTimer);
    vertx.cancelTimer(sweepTimer);
    List<Future<?>> pending = new ArrayList<>(recording);
    pending.add(queue.release(new ArrayList<>(inFlight)));
    return Future.join(pending)
        .recover(e -> Future.succeededFuture())
        .eventually(() -> client.close());
  }

  private void claim() {
    if (stopping) {
      return;
    }
    if (claiming) {
      claimAgain = true;
      return;
    }
    claiming = true;
    Future<List<DeliveryQueue.Claimed>> claimed =
        queue
            .claim(settings.webhookConcurrency(), leaseSeconds())
            .compose(this::giveBackIfStopping);
    recording.add(claimed);
    claimed
        .onComplete(done -> recording.remove(claimed))
        .onComplete(
            ar -> {
              claiming = false;
              if (ar.failed()) {
                log.warn("Claiming webhook deliveries failed: {}", Failures.describe(ar.cause()));
              } else {
                ar.result().forEach(this::deliver);
              }
              if (claimAgain) {
                claimAgain = false;
                claim();
              }
            });
  }

  /** A claim that returns after stop() began is released at once, not left to its lease. */
  private Future<List<DeliveryQueue.Claimed>> giveBackIfStopping(
      List<DeliveryQueue.Claimed> claimed) {
    if (!stopping || claimed.isEmpty()) {
      return Future.succeededFuture(claimed);
    }
    List<Long> ids = claimed.stream().map(DeliveryQueue.Claimed::id).toList();
    return queue.release(ids).map(v -> List.of());
  }

  /** A lease outlives the attempt (timeout) with room for recording it. */
  private int leaseSeconds() {
    return settings.webhookTimeoutSeconds() * 2 + 30;
  }

  private void deliver(DeliveryQueue.Claimed delivery) {
    inFlight.add(delivery.id());
    OffsetDateTime at = OffsetDateTime.now();
    long started = System.nanoTime();
    post(delivery)
        .onComplete(
            ar -> {
              inFlight.remove(delivery.id());
              if (stopping) {
                return;
              }
              int durationMs = (int) ((System.nanoTime() - started) / 1_000_000);
              Integer status = ar.succeeded() ? ar.result() : null;
              Future<?> recorded =
                  status != null && status >= 200 && status < 300
                      ? queue.delivered(delivery, at, durationMs, status)
                      : failed(delivery, at, durationMs, status, reason(ar.cause(), status));
              recording.add(recorded);
              recorded
                  .onComplete(done -> recording.remove(recorded))
                  .onFailure(
                      e ->
                          log.warn(
                              "Recording webhook delivery {} failed: {}",
                              delivery.id(),
                              Failures.describe(e)))
                  .onComplete(done -> claim());
            });
  }

  private Future<String> failed(
      DeliveryQueue.Claimed delivery, OffsetDateTime at, int ms, Integer status, String error) {
    long delay =
        Backoff.delayMs(
            settings.webhookRetrySeconds() * 1000L,
            delivery.attempt(),
            ThreadLocalRandom.current());
    return queue
        .failed(delivery, at, ms, status, error, delay)
        .onSuccess(
            state ->
                log.info(
                    "Webhook delivery {} to endpoint {} failed (attempt {}: {}); now {}",
                    delivery.id(),
                    delivery.endpointId(),
                    delivery.attempt(),
                    error,
                    state));
  }

  /** POSTs the delivery and answers the HTTP status; fails when no answer came in time. */
  private Future<Integer> post(DeliveryQueue.Claimed delivery) {
    String body = delivery.body();
    long timestamp = System.currentTimeMillis() / 1000;
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(delivery.url())
            .setFollowRedirects(false)
            .putHeader("Content-Type", "application/json; charset=utf-8")
            .putHeader("User-Agent", "PracticeMap-Webhooks/1")
            .putHeader("PracticeMap-Event-Id", delivery.eventId().toString())
            .putHeader("PracticeMap-Event-Type", delivery.type().wire())
            .putHeader("PracticeMap-Timestamp", Long.toString(timestamp))
            .putHeader(
                "PracticeMap-Signature",
                WebhookPayload.signature(delivery.secret(), timestamp, body))
            .putHeader("PracticeMap-Delivery-Attempt", Integer.toString(delivery.attempt()));
    Promise<Integer> answer = Promise.promise();
    HttpClientRequest[] request = new HttpClientRequest[1];
    long timer =
        vertx.setTimer(
            settings.webhookTimeoutSeconds() * 1000L,
            t -> {
              if (answer.tryFail(new Timeout()) && request[0] != null) {
                request[0].reset();
              }
            });
    Future<Integer> sent;
    try {
      sent =
          client
              .request(options)
              .compose(
                  req -> {
                    request[0] = req;
                    return req.send(body);
                  })
              .compose(
                  response -> {
                    response.handler(chunk -> {});
                    return response.end().map(v -> response.statusCode());
                  });
    } catch (RuntimeException e) {
      sent = Future.failedFuture(e);
    }
    sent.onComplete(
        ar -> {
          vertx.cancelTimer(timer);
          if (ar.succeeded()) {
            answer.tryComplete(ar.result());
          } else {
            answer.tryFail(ar.cause());
          }
        });
    return answer.future();
  }

  /** Why an attempt failed, for the delivery log: short, and never the endpoint's answer body. */
  private String reason(Throwable failure, Integer status) {
    if (status != null) {
      return status >= 300 && status < 400
          ? "HTTP " + status + " (redirects are not followed)"
          : "HTTP " + status;
    }
    if (failure instanceof Timeout) {
      return "no answer within " + settings.webhookTimeoutSeconds() + " s";
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "unknown host";
      }
      if (t instanceof ConnectException
          || t.getClass().getSimpleName().equals("ConnectTimeoutException")) {
        return "could not connect";
      }
      if (t instanceof SSLException) {
        return "TLS failed: the endpoint's certificate was not accepted";
      }
      if (t instanceof io.vertx.core.http.HttpClosedException) {
        return "the connection closed before an answer";
      }
    }
    return "failed: " + failure.getClass().getSimpleName();
  }

  private void sweep() {
    queue
        .sweep(RETENTION_DAYS)
        .onSuccess(
            n -> {
              if (n > 0) {
                log.info("Forgot {} webhook events older than {} days", n, RETENTION_DAYS);
              }
            })
        .onFailure(e -> log.warn("Webhook sweep failed: {}", Failures.describe(e)));
  }

  private static final class Timeout extends RuntimeException {
    Timeout() {
      super(null, null, false, false);
    }
  }
}
