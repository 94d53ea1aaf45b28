package so.lava.client;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Opens a URL in the person's browser; says whether it could. */
@FunctionalInterface
public interface BrowserOpener {

  boolean open(URI url);

  /**
   * The operating system's own way: {@code open} on macOS, {@code rundll32} on Windows, {@code
   * xdg-open} elsewhere (and nothing where there is no display to show a browser on).
   */
  static BrowserOpener system() {
    return url -> {
      String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
      List<String> command;
      if (os.contains("mac")) {
        command = List.of("open", url.toString());
      } else if (os.contains("win")) {
        command = List.of("rundll32", "url.dll,FileProtocolHandler", url.toString());
      } else {
        if (!hasDisplay()) {
          return false;
        }
        command = List.of("xdg-open", url.toString());
      }
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        // Some openers return at once, some stay while the browser starts: either is success.
        return !process.waitFor(3, TimeUnit.SECONDS) || process.exitValue() == 0;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    };
  }

  /** Whether a graphical browser could appear: always on macOS and Windows, else X11 or Wayland. */
  static boolean hasDisplay() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("mac") || os.contains("win")) {
      return true;
    }
    return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }
}
