package dev.podsearch.cli;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of the benchmarks: blocking, kept-alive connections, one per sending thread, each request's work
 * done on the thread that sends it. The load generator shares the machine's cores with the server it measures; the
 * JDK's asynchronous client spent about 1 ms of CPU per request at 16 connections (hand-offs between its selector
 * and executor threads) and added 0.6 ms to each request's time at one, against wrk on the same server.
 */
final class BenchHttp implements AutoCloseable {
  /** A response: its status and body. */
  record Response(int status, byte[] body) {}

  private final CloseableHttpClient client;
  private final String base;

  /** A client for {@code base} ("http://127.0.0.1:7070") with up to {@code connections} open at once. */
  BenchHttp(String base, int connections, int timeoutSeconds) {
    this.base = base;
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(connections)
                    .setMaxConnPerRoute(connections)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(timeoutSeconds))
                            .setSocketTimeout(Timeout.ofSeconds(timeoutSeconds))
                            .build())
                    .build())
            // as wrk and the JDK's client do: on loopback, gzip would only add the server's and this client's CPU
            .disableContentCompression()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableRedirectHandling()
            .evictIdleConnections(Timeout.of(30, TimeUnit.SECONDS))
            .build();
  }

  /** GETs {@code path} (starting with "/"), reading the whole body. */
  Response get(String path) throws IOException {
    return client.execute(
        new HttpGet(base + path),
        response ->
            new Response(
                response.getCode(),
                response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
