package org.practicemap.graphql;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.OperationDefinition.Operation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Which operations a transport may run, checked on the resolved document — so a persisted query
 * sent by its hash alone is checked like one sent as text: an HTTP GET runs queries only (a link or
 * an image tag must never book a seat), and HTTP never runs subscriptions. The transport puts its
 * {@link Transport} in the GraphQL context under {@link #TRANSPORT}; a refusal leaves the HTTP
 * status to answer with under {@link #REFUSAL_STATUS}.
 */
public final class TransportRules implements PreparsedDocumentProvider {
  public static final String TRANSPORT = "practicemap.transport";
  public static final String REFUSAL_STATUS = "practicemap.refusalStatus";

  /** How a request arrived. */
  public enum Transport {
    HTTP_GET,
    HTTP_POST
  }

  private final PreparsedDocumentProvider documents;

  public TransportRules(PreparsedDocumentProvider documents) {
    this.documents = documents;
  }

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
      ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    return documents
        .getDocumentAsync(input, parseAndValidate)
        .thenApply(entry -> check(input, entry));
  }

  private static PreparsedDocumentEntry check(ExecutionInput input, PreparsedDocumentEntry entry) {
    Transport transport = input.getGraphQLContext().get(TRANSPORT);
    if (transport == null || entry.getDocument() == null) {
      return entry;
    }
    Operation operation = operation(entry.getDocument(), input.getOperationName());
    if (operation == Operation.MUTATION && transport == Transport.HTTP_GET) {
      return refuse(input, 405, "Mutations must be sent with POST, not GET.");
    }
    if (operation == Operation.SUBSCRIPTION) {
      return refuse(
          input,
          400,
          "Subscriptions run over the WebSocket at /graphql (protocol graphql-transport-ws).");
    }
    return entry;
  }

  /** The operation that would run, or null when the name matches none (graphql-java reports it). */
  private static Operation operation(Document document, String operationName) {
    List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
    return operations.stream()
        .filter(
            op ->
                operationName == null ? operations.size() == 1 : operationName.equals(op.getName()))
        .map(OperationDefinition::getOperation)
        .findFirst()
        .orElse(null);
  }

  private static PreparsedDocumentEntry refuse(ExecutionInput input, int status, String message) {
    input.getGraphQLContext().put(REFUSAL_STATUS, status);
    return new PreparsedDocumentEntry(
        GraphqlErrorBuilder.newError()
            .message(message)
            .extensions(Map.of("code", ErrorCode.BAD_USER_INPUT.name()))
            .build());
  }
}
