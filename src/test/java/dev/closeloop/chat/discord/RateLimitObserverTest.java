package dev.closeloop.chat.discord;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The observer in JDA's HTTP client, against a Discord on 127.0.0.1 that answers 429 with an absurd
 * wait: the answer still reaches JDA, and the wait remembered for the outbox is an hour at most.
 * Before, a wait past Instant.MAX threw out of the interceptor, failing the call.
 */
class RateLimitObserverTest {
  private static final String PATH = "/api/v10/channels/42/messages";
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  private WireMockServer discord;

  @BeforeEach
  void start() {
    discord = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    discord.start();
  }

  @AfterEach
  void stop() {
    discord.stop();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1e300 | 0.5",
        "Infinity | 1",
        "1 | 100000000000000000000000",
        "1000000000 | 1000000000",
      })
  void anAbsurdWaitIsRememberedAsAnHourAtMost(String header, String body) throws Exception {
    discord.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", header)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"message\":\"You are being rate limited.\",\"retry_after\":"
                            + body
                            + ",\"global\":false}")));
    RateLimitObserver observer = new RateLimitObserver(clock);
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(observer).build();

    try (Response r =
        http.newCall(
                new Request.Builder()
                    .url("http://127.0.0.1:" + discord.port() + PATH)
                    .post(RequestBody.create("{}", MediaType.get("application/json")))
                    .build())
            .execute()) {
      assertThat(r.code()).isEqualTo(429);
    }
    assertThat(observer.remaining("channels/42/messages")).contains(Duration.ofHours(1));
  }
}
