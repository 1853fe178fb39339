package dev.closeloop.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads the classes {@code run} needs on the second core while the main thread reads the config and
 * opens the store (the idea of Spring Boot's background pre-initializer, fed by a class list like
 * an AppCDS one). Start-up is class loading almost throughout; done serially it took over 5 s on
 * two cores. The list is {@code META-INF/closeloop/preload.txt}, written by {@code
 * bench/preload-list.sh} from a class-loading log of a real start; a stale list only costs speed:
 * unknown names are skipped and classes are loaded without being initialized, so no static
 * initializer runs earlier or on another thread than it would anyway.
 */
final class Preloader {
  static final String LIST = "META-INF/closeloop/preload.txt";

  private Preloader() {}

  static void start() {
    Thread t = new Thread(Preloader::loadAll, "closeloop-preload");
    t.setDaemon(true);
    t.start();
  }

  static int loadAll() {
    ClassLoader loader = Preloader.class.getClassLoader();
    int loaded = 0;
    try (InputStream in = loader.getResourceAsStream(LIST)) {
      if (in == null) {
        return 0;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String name;
      while ((name = r.readLine()) != null) {
        if (!name.isBlank() && load(name.strip(), loader)) {
          loaded++;
        }
      }
    } catch (IOException e) {
      // only a speed-up: the main thread loads whatever is missing
    }
    return loaded;
  }

  static boolean load(String name, ClassLoader loader) {
    try {
      Class.forName(name, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
