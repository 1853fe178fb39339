package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.closeloop.config.Config;
import dev.closeloop.config.ConfigException;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.writeback.HelpdeskWriters;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The write-back keys of CONTRACT's connectors block: defaults, validation, secrets. */
class WriteBackConfigTest {
  private final Map<String, String> env =
      Map.of("ZAMMAD_TOKEN", "zm-secret-token", "GLPI_USER", "glpi-user-token");
  private final ConfigLoader loader = new ConfigLoader(env::get);

  @Test
  void defaultsAreNotesReopenAskFollowUpsAndNoNewTickets() {
    Config.Connectors c = loader.loadString("{}").connectors();
    assertThat(c.jira().writeBack())
        .isEqualTo(new Helpdesks.JiraWriteBack(true, "ask", true, false, ""));
    for (Helpdesks.WriteBack w :
        new Helpdesks.WriteBack[] {
          c.zendesk().writeBack(),
          c.servicenow().writeBack(),
          c.freshservice().writeBack(),
          c.glpi().writeBack(),
          c.zammad().writeBack()
        }) {
      assertThat(w).isEqualTo(new Helpdesks.WriteBack(true, "ask", true, false));
    }
    assertThat(c.generic()).isEqualTo(new Helpdesks.Generic("", ""));
    assertThat(
            HelpdeskWriters.from(
                c, HttpClient.newHttpClient(), HelpdeskWriters.DEFAULT_TIMEOUT, Clock.systemUTC()))
        .isEmpty();
  }

  @Test
  void credentialsAndSettingsAreReadFromTheEnvironment() {
    Config.Connectors c =
        loader
            .loadString(
                """
                connectors:
                  zammad: { baseUrl: "https://zammad.example.com", apiToken: "${ZAMMAD_TOKEN}",
                            writeBack: { reopen: always, createRequests: true } }
                  glpi: { baseUrl: "https://glpi.example.org", userToken: "${GLPI_USER}" }
                  jira: { writeBack: { reopenTransition: "Reopen" } }
                """)
            .connectors();
    assertThat(c.zammad().apiToken()).isEqualTo("zm-secret-token");
    assertThat(c.zammad().writeBack())
        .isEqualTo(new Helpdesks.WriteBack(true, "always", true, true));
    assertThat(c.glpi().userToken()).isEqualTo("glpi-user-token");
    assertThat(c.jira().writeBack().reopenTransition()).isEqualTo("Reopen");
    assertThat(
            HelpdeskWriters.from(
                c, HttpClient.newHttpClient(), HelpdeskWriters.DEFAULT_TIMEOUT, Clock.systemUTC()))
        .containsOnlyKeys("glpi", "zammad");
  }

  @Test
  void reopenMustBeAskAlwaysOrNever() {
    assertThatThrownBy(
            () ->
                loader.loadString("connectors: { zendesk: { writeBack: { reopen: sometimes } } }"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("connectors.zendesk.writeBack.reopen")
        .hasMessageContaining("ask, always or never");
  }

  @Test
  void urlsMustBeHttp() {
    assertThatThrownBy(
            () ->
                loader.loadString(
                    "connectors: { freshservice: { baseUrl: acme.freshservice.com } }"))
        .hasMessageContaining("connectors.freshservice.baseUrl");
    assertThatThrownBy(
            () ->
                loader.loadString(
                    "connectors: { generic: { writeBackUrl: \"ftp://x\", writeBackSecret: s } }"))
        .hasMessageContaining("connectors.generic.writeBackUrl");
  }

  @Test
  void aGenericWriteBackUrlNeedsASecret() {
    assertThatThrownBy(
            () ->
                loader.loadString(
                    "connectors: { generic: { writeBackUrl: \"https://desk.example.com/in\" } }"))
        .hasMessageContaining("connectors.generic.writeBackSecret");
  }

  @Test
  void newSecretsAreNeverPrinted() {
    ConfigLoader.Loaded loaded =
        loader.loadStringWritten(
            """
            connectors:
              freshservice: { baseUrl: "https://acme.freshservice.com", apiKey: literal-api-key }
              glpi: { appToken: literal-app-token, userToken: "${GLPI_USER}" }
              zammad: { apiToken: "${ZAMMAD_TOKEN}" }
              generic: { writeBackUrl: "https://desk.example.com/in", writeBackSecret: literal-wb-secret }
            """);
    String printed = new ConfigPrinter(env::get).print(loaded).yaml();
    assertThat(printed)
        .doesNotContain("literal-api-key", "literal-app-token", "glpi-user-token")
        .doesNotContain("zm-secret-token", "literal-wb-secret")
        .contains("${CLOSELOOP_CONNECTORS_FRESHSERVICE_API_KEY}")
        .contains("${GLPI_USER}")
        .contains("${CLOSELOOP_CONNECTORS_GENERIC_WRITE_BACK_SECRET}");
  }
}
