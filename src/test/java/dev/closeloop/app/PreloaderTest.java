package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreloaderTest {
  private static final ClassLoader LOADER = PreloaderTest.class.getClassLoader();

  @Test
  void aStaleNameInTheListIsSkippedNotFatal() {
    // a class that was renamed since the list was written
    assertThat(Preloader.load("dev.closeloop.service.ConversationService", LOADER)).isFalse();
    assertThat(Preloader.load("dev.closeloop.app.App", LOADER)).isTrue();
  }

  @Test
  void everyCloseloopClassInTheShippedListExists() throws IOException {
    List<String> ours;
    try (InputStream in = LOADER.getResourceAsStream(Preloader.LIST)) {
      assertThat(in).as(Preloader.LIST).isNotNull();
      ours =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .map(String::strip)
              .filter(l -> l.startsWith("dev.closeloop."))
              .toList();
    }
    assertThat(ours).isNotEmpty();
    assertThat(ours.stream().filter(name -> !Preloader.load(name, LOADER)))
        .as("renamed classes: run bench/preload-list.sh or rename the entries")
        .isEmpty();
  }
}
