package dev.closeloop.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files named on the command line or as the config, read whole but never past a bound: a directory,
 * a device that never ends ({@code /dev/zero}) or a file larger than the bound is refused naming it
 * (the caller's usage error, exit 2), never read into an {@link OutOfMemoryError} and its stack
 * trace. A pipe ({@code <(...)}, {@code /dev/stdin}) is read like a file, up to the bound.
 */
final class CliFiles {
  private CliFiles() {}

  /** What is wrong with reading {@code file}: "FILE is a directory, not a file" (exit 2). */
  static final class Unreadable extends IllegalArgumentException {
    /** The same without the file's name, for a message that names it already. */
    final String reason;

    Unreadable(Path file, String reason) {
      super(file + " " + reason, null);
      this.reason = reason;
    }
  }

  /**
   * The bytes of {@code file}, at most {@code max}.
   *
   * @throws Unreadable when it does not exist, is a directory, cannot be read, or is longer
   */
  static byte[] read(Path file, long max) {
    if (Files.isDirectory(file)) {
      throw new Unreadable(file, "is a directory, not a file");
    }
    if (!Files.isReadable(file)) {
      throw new Unreadable(file, "cannot be read (no such file, or no permission)");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
    } catch (IOException e) {
      throw new Unreadable(file, "cannot be read: " + e.getMessage());
    }
    if (bytes.length > max) {
      throw new Unreadable(
          file, "is over " + human(max) + " (" + max + " bytes), the most read here");
    }
    return bytes;
  }

  private static String human(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
  }
}
