package org.practicemap.http.ws;

/**
 * Limits and timers of GraphQL over WebSocket, from the environment ({@code WS_*}).
 *
 * @param maxConnectionsPerIp open sockets one address may hold; 0 means no limit (load tests)
 * @param maxSubscriptionsPerConnection operations one socket may run at once
 * @param pingSeconds how often an idle socket is pinged; one silent for two periods is closed
 * @param initTimeoutSeconds how long a new socket may take to send {@code connection_init}
 * @param reauthSeconds how often the token of an open socket is checked again, so that a revoked or
 *     expired token stops working on sockets too
 */
public record WsOptions(
    int maxConnectionsPerIp,
    int maxSubscriptionsPerConnection,
    int pingSeconds,
    int initTimeoutSeconds,
    int reauthSeconds) {}
