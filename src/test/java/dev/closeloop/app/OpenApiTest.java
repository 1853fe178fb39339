package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.testing.MutableClock;
import dev.closeloop.testing.TestApp;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document of the admin API is valid, served, and names exactly the routes served. */
class OpenApiTest {
  @TempDir Path dir;

  @Test
  void documentIsValidOpenApi3() throws Exception {
    String text = Files.readString(Path.of("src/main/resources/openapi.json"));
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, null);
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
  }

  @Test
  void documentAndRegisteredAdminRoutesAgreeBothWays() {
    try (TestApp app =
        TestApp.start(dir, "", new MutableClock(Instant.parse("2026-11-24T09:00:00Z")))) {
      List<String> registered =
          app.app.httpRoutes().stream().filter(r -> r.contains(" /admin/")).toList();
      List<String> documented = operations(ConfigReference.openApi());
      assertThat(documented).as("routes in openapi.json but not served").isSubsetOf(registered);
      assertThat(registered)
          .as("admin routes served but missing from src/main/resources/openapi.json")
          .isSubsetOf(documented);
    }
  }

  @Test
  void documentIsServedToAdminsOnly() throws Exception {
    try (TestApp app =
        TestApp.start(dir, "", new MutableClock(Instant.parse("2026-11-24T09:00:00Z")))) {
      var served = app.admin("GET", "/admin/openapi.json", null);
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      assertThat(Json.MAPPER.readTree(served.body())).isEqualTo(ConfigReference.openApi());
      var anonymous =
          app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/openapi.json"))).build());
      assertThat(anonymous.statusCode()).isEqualTo(401);
    }
  }

  private static List<String> operations(JsonNode doc) {
    List<String> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> p = paths.next();
      p.getValue()
          .fieldNames()
          .forEachRemaining(m -> out.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey()));
    }
    return out;
  }
}
