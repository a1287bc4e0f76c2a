package org.practicemap.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a free port that stands in for an integrator's webhook endpoint: it records
 * every request (headers and body) and answers with the status it is told to — or, when told to
 * hang, never answers at all.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** One request as received. */
  public record Received(MultiMap headers, String body) {
    public String header(String name) {
      return headers.get(name);
    }

    public JsonObject json() {
      return new JsonObject(body);
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final List<HttpServerRequest> hanging = new ArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private volatile boolean hang;

  public WebhookReceiver() {
    server = vertx.createHttpServer().requestHandler(this::handle);
    server.listen(0).await();
  }

  /**
   * Decides the answer before the test can see the request: a test that changes the answer after
   * {@link #next} returns then never changes the answer to the request it just saw.
   */
  private void handle(HttpServerRequest request) {
    int answer = status.get();
    boolean holdIt = hang;
    request
        .body()
        .onSuccess(
            body -> {
              if (holdIt) {
                synchronized (hanging) {
                  hanging.add(request);
                }
              } else {
                request.response().setStatusCode(answer).end("ok");
              }
              received.add(
                  new Received(
                      MultiMap.caseInsensitiveMultiMap().addAll(request.headers()),
                      body.toString()));
            });
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  /** The status later requests are answered with. */
  public WebhookReceiver answer(int statusCode) {
    status.set(statusCode);
    return this;
  }

  /** Whether later requests get no answer at all (the connection stays open). */
  public WebhookReceiver hang(boolean hang) {
    this.hang = hang;
    return this;
  }

  /** The next request, waiting up to {@code seconds}; fails when none comes. */
  public Received next(int seconds) {
    try {
      Received next = received.poll(seconds, TimeUnit.SECONDS);
      if (next == null) {
        throw new AssertionError("No webhook request arrived within " + seconds + " s");
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Requests received and not yet taken with {@link #next}. */
  public int waiting() {
    return received.size();
  }

  /** How many requests are being held without an answer. */
  public int hanging() {
    synchronized (hanging) {
      return hanging.size();
    }
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
