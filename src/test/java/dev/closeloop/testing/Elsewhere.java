package dev.closeloop.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * Another address on this machine that a platform's answer might point at (a redirect to a
 * metadata-like path): it answers every call with {@code json}, and says how many it got.
 */
public final class Elsewhere implements AutoCloseable {
  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

  public Elsewhere(String json) {
    server.start();
    server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.okJson(json)));
  }

  /** A URL on it, as a redirect would name it. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** How many calls reached it. */
  public int calls() {
    return server.getAllServeEvents().size();
  }

  @Override
  public void close() {
    server.stop();
  }
}
