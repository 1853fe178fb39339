package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container image's settings, read from the image Jib built in this very build (the execution
 * image-config-check of pom.xml builds them on an empty base: no registry needed): a non-root user,
 * the entrypoint, port 8080, the data volume, and the shipped config where the app looks for it.
 */
class ImageConfigIT {
  private static final Path TAR =
      Path.of(System.getProperty("closeloop.jar")).resolveSibling("jib-check/image.tar");
  private static Map<String, byte[]> entries;
  private static JsonNode config;

  @BeforeAll
  static void readImage() throws Exception {
    entries = untar(TAR);
    JsonNode manifest = Json.MAPPER.readTree(entries.get("manifest.json"));
    config =
        Json.MAPPER.readTree(entries.get(manifest.get(0).get("Config").asText())).get("config");
  }

  @Test
  void runsAsANonRootUser() {
    String user = config.path("User").asText();
    assertThat(user).isNotBlank().doesNotStartWith("0").isNotEqualTo("root");
    assertThat(user.split(":")[0]).matches("[1-9][0-9]*");
  }

  @Test
  void entrypointRunsTheBotWithTheJarsLayout() {
    assertThat(config.path("Entrypoint").toString())
        .startsWith("[\"java\"")
        .endsWith("\"dev.closeloop.app.Main\"]");
    assertThat(config.path("Cmd").toString()).isEqualTo("[\"run\"]");
    assertThat(config.path("WorkingDir").asText()).isEqualTo("/closeloop");
  }

  @Test
  void exposesTheHttpPortAndTheDataVolume() {
    assertThat(fieldNames(config.path("ExposedPorts"))).containsExactly("8080/tcp");
    assertThat(fieldNames(config.path("Volumes"))).containsExactly("/closeloop/data");
  }

  @Test
  void shipsTheConfigAtItsDefaultPathAndAWritableDataDirectory() throws Exception {
    Map<String, TarArchiveEntry> files = new HashMap<>();
    JsonNode manifest = Json.MAPPER.readTree(entries.get("manifest.json"));
    for (JsonNode layer : manifest.get(0).get("Layers")) {
      files.putAll(
          headers(new GZIPInputStream(new ByteArrayInputStream(entries.get(layer.asText())))));
    }
    assertThat(files).containsKey("closeloop/bot-config/closeloop.yml");
    TarArchiveEntry cli = files.get("usr/local/bin/closeloop");
    assertThat(cli).as("the CLI for docker exec").isNotNull();
    assertThat(cli.getMode() & 0777).isEqualTo(0755);
    TarArchiveEntry data = files.get("closeloop/data/");
    assertThat(data).isNotNull();
    assertThat(data.isDirectory()).isTrue();
    assertThat(data.getMode() & 0777).as("writable by the image's non-root user").isEqualTo(0777);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The entries of a tar, by name (without a leading "./"). */
  private static Map<String, TarArchiveEntry> headers(InputStream in) throws IOException {
    Map<String, TarArchiveEntry> out = new HashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        out.put(e.getName().startsWith("./") ? e.getName().substring(2) : e.getName(), e);
      }
    }
    return out;
  }

  private static Map<String, byte[]> untar(Path file) throws IOException {
    Map<String, byte[]> out = new HashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(file))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        out.put(e.getName(), tar.readAllBytes());
      }
    }
    return out;
  }
}
