package dev.closeloop.app;

import dev.closeloop.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/**
 * Where backups go (backup.dir, by file name only, so the admin API cannot write anywhere else),
 * and whether an H2 store is held open by another process (restore must not overwrite it).
 */
final class Backups {
  private Backups() {}

  /**
   * The file {@code name} in backup.dir (created if missing); a path of any kind is refused, and so
   * is a name of one of the store's own files ({@code db.mv.db}, {@code db.trace.db}, …) when
   * backup.dir is the store's directory: BACKUP TO would truncate the live store while reading it.
   */
  static Path target(Config.Backup backup, Config.Storage storage, String name) {
    Path target = target(backup, name);
    Path store = storeFile(storage);
    if (store != null && name.startsWith(store.getFileName() + ".")) {
      Path storeDir = store.getParent();
      boolean sameDir;
      try {
        sameDir =
            Files.isDirectory(storeDir)
                && Files.isSameFile(storeDir.toRealPath(), target.getParent().toRealPath());
      } catch (IOException e) {
        sameDir = storeDir.equals(target.getParent());
      }
      if (sameDir) {
        throw new IllegalArgumentException(
            "file "
                + name
                + " is named like the store's own files ("
                + store.getFileName()
                + ".*) and backup.dir is the store's directory: give"
                + " another name");
      }
    }
    return target;
  }

  /** The H2 store's name as a path ({@code dir/db} for {@code jdbc:h2:file:dir/db}), else null. */
  static Path storeFile(Config.Storage storage) {
    String url = storage.url();
    if (!url.startsWith("jdbc:h2:file:")) {
      return null;
    }
    return Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0])
        .toAbsolutePath()
        .normalize();
  }

  /** The file {@code name} in backup.dir (created if missing); a path of any kind is refused. */
  private static Path target(Config.Backup backup, String name) {
    if (!isFileName(name)) {
      throw new IllegalArgumentException(
          "file must be a file name in backup.dir (no /, \\ or ..), e.g. closeloop-2026-11-24.zip");
    }
    Path dir = Path.of(backup.dir()).toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create backup.dir " + dir, e);
    }
    Path target = dir.resolve(name);
    if (Files.isDirectory(target)) {
      throw new IllegalArgumentException(
          "file " + name + " is a directory in backup.dir: give another name");
    }
    return target;
  }

  /**
   * A plain file name: no path (slash, backslash, colon, {@code ..}), not {@code .}, no control or
   * invisible formatting characters (a right-to-left override disguises a name), no leading or
   * trailing blank.
   */
  static boolean isFileName(String name) {
    if (name == null
        || name.isBlank()
        || name.length() > 200
        || name.contains("..")
        || name.equals(".")
        || !name.equals(name.strip())) {
      return false;
    }
    for (char c : name.toCharArray()) {
      if (c == '/'
          || c == '\\'
          || c == ':'
          || dev.closeloop.language.Texts.isControl(c)
          || Character.getType(c) == Character.FORMAT) {
        return false;
      }
    }
    return true;
  }

  /**
   * Empty when no other process has the H2 file store open, else why not to touch it. Opening the
   * store is the test H2 itself applies: its file lock is held by whichever process has it open.
   */
  static java.util.Optional<String> inUse(Path db, Config.Storage storage) {
    String url = "jdbc:h2:file:" + db.toString().replace('\\', '/') + ";IFEXISTS=TRUE";
    try (var c = DriverManager.getConnection(url, storage.user(), storage.password())) {
      return java.util.Optional.empty();
    } catch (SQLException e) {
      if (e.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
        return java.util.Optional.empty();
      }
      if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
        return java.util.Optional.of(
            "the store " + db + " is open in another process (is the app running?): stop it first");
      }
      return java.util.Optional.of(
          "cannot open the store " + db + " to check it: " + e.getMessage());
    }
  }
}
