package org.practicemap.http.ws;

import graphql.ExecutionResult;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * One operation a client started with {@code subscribe}: a query or mutation (one {@code next},
 * then {@code complete}) or a subscription (a {@code next} per event until either side completes
 * it). It asks for the next event only once the socket has room, so a client that reads slowly
 * holds back its own events (which its publisher conflates or replaces with a resync) and nobody
 * else's. Runs on its connection's event loop.
 */
final class WsOperation implements Subscriber<ExecutionResult> {
  private final WsConnection connection;
  private final String id;
  private Subscription subscription;
  private boolean finished;

  WsOperation(WsConnection connection, String id) {
    this.connection = connection;
    this.id = id;
  }

  String id() {
    return id;
  }

  /** The result of executing the operation: a stream of events, or the one answer. */
  void started(ExecutionResult result) {
    if (result.getData() instanceof Publisher<?>) {
      Publisher<ExecutionResult> events = result.getData();
      // Completed by the client (or the socket closed) while it was being set up: end it.
      events.subscribe(finished ? new Cancelling() : this);
      return;
    }
    if (finished) {
      return;
    }
    finished = true;
    connection.finished(this);
    if (result.getData() == null && !result.getErrors().isEmpty()) {
      // Nothing ran (a syntax, validation or argument error): the protocol's "error" message.
      connection.sendErrors(id, result.toSpecification().get("errors"));
      return;
    }
    connection.sendNext(id, result);
    connection.sendComplete(id);
  }

  /** The operation could not run at all (an unexpected failure, already logged). */
  void failed(Object errors) {
    if (finished) {
      return;
    }
    finished = true;
    connection.finished(this);
    connection.sendErrors(id, errors);
  }

  /** The client completed it, or the socket closed: stop without a word. */
  void cancel() {
    finished = true;
    if (subscription != null) {
      subscription.cancel();
    }
  }

  @Override
  public void onSubscribe(Subscription s) {
    connection.onContext(
        () -> {
          subscription = s;
          if (finished) {
            s.cancel();
          } else {
            s.request(1);
          }
        });
  }

  @Override
  public void onNext(ExecutionResult result) {
    connection.onContext(
        () -> {
          if (finished) {
            return;
          }
          connection.sendNext(id, result);
          if (connection.writable()) {
            subscription.request(1);
          } else {
            connection.whenDrained(this);
          }
        });
  }

  /** The socket has room again. */
  void drained() {
    if (!finished) {
      subscription.request(1);
    }
  }

  @Override
  public void onError(Throwable t) {
    connection.onContext(() -> failed(connection.internalError(t)));
  }

  @Override
  public void onComplete() {
    connection.onContext(
        () -> {
          if (finished) {
            return;
          }
          finished = true;
          connection.finished(this);
          connection.sendComplete(id);
        });
  }

  /** Takes a stream that nobody wants any more and ends it. */
  private static final class Cancelling implements Subscriber<ExecutionResult> {
    @Override
    public void onSubscribe(Subscription s) {
      s.cancel();
    }

    @Override
    public void onNext(ExecutionResult result) {}

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onComplete() {}
  }
}
