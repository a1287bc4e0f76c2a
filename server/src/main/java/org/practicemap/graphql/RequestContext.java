package org.practicemap.graphql;

import graphql.schema.DataFetchingEnvironment;
import org.practicemap.auth.Caller;

/**
 * What a data fetcher may know about the request it serves: who is calling and from where. It is
 * put into the GraphQL context under its class and read with {@link #of}.
 */
public record RequestContext(Caller caller, String clientIp) {

  public static RequestContext of(DataFetchingEnvironment env) {
    return env.getGraphQlContext().get(RequestContext.class);
  }
}
