package dev.closeloop.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * Where the gateway is. A plain {@code JDABuilder} never asks the REST API: it takes the URL from
 * its {@link net.dv8tion.jda.api.utils.SessionController}, whose default is the public gateway. So
 * the URL is {@code discord.gatewayUrl} when set, else what {@code GET {apiUrl}gateway/bot}
 * answers, handed to JDA through {@link FixedGateway}.
 */
final class GatewayLocator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ANSWER = 64 * 1024;

  private GatewayLocator() {}

  static String locate(String configured, String apiUrl, String token)
      throws IOException, InterruptedException {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(apiUrl + "gateway/bot"))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", botAuthorization(token))
            .header("User-Agent", "DiscordBot (https://github.com/closeloop, 1) closeloop")
            .GET()
            .build();
    HttpResponse<java.io.InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    byte[] body;
    try (java.io.InputStream in = response.body()) {
      // a gateway answer is a few hundred bytes: a larger one is not read into memory
      body = in.readNBytes(MAX_ANSWER + 1);
    }
    if (response.statusCode() == 401) {
      throw new InvalidTokenException();
    }
    if (response.statusCode() != 200) {
      throw new IOException("GET gateway/bot answered HTTP " + response.statusCode());
    }
    if (body.length > MAX_ANSWER) {
      throw new IOException("GET gateway/bot answered more than 64 KiB: check discord.apiUrl");
    }
    JsonNode url = JSON.readTree(body).path("url");
    if (!url.isTextual() || url.asText().isBlank()) {
      throw new IOException("GET gateway/bot answered without a url");
    }
    return url.asText();
  }

  static String botAuthorization(String token) {
    return token.startsWith("Bot ") ? token : "Bot " + token;
  }

  /** A session controller that connects to a known gateway URL. */
  static final class FixedGateway extends SessionControllerAdapter {
    private final String url;

    FixedGateway(String url) {
      this.url = url;
    }

    @Override
    public String getGateway() {
      return url;
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
      return new ShardedGateway(url, 1, 1);
    }
  }
}
