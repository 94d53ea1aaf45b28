package so.lava.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import so.lava.client.BrowserOpener;

/**
 * Runs {@code lava} in-process, as a person would in a terminal, with a temporary home and a
 * scripted browser; returns what it printed and its exit status.
 */
final class CliRun {

  private final Path home;
  private final Map<String, String> env = new HashMap<>();
  private BrowserOpener browser = url -> false;
  private boolean display = true;
  private InputStream in = new ByteArrayInputStream(new byte[0]);
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  CliRun(Path home) {
    this.home = home;
    env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    env.put("HOME", home.toString());
  }

  CliRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  CliRun browser(BrowserOpener opener) {
    this.browser = opener;
    return this;
  }

  CliRun noDisplay() {
    this.display = false;
    return this;
  }

  CliRun stdin(InputStream input) {
    this.in = input;
    return this;
  }

  Result run(String... args) {
    Context context =
        new Context(
            Map.copyOf(env),
            in,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Optional.empty(),
            browser,
            display);
    int exit = Lava.run(context, args);
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** What standard error holds so far (for tests that watch a command while it runs). */
  String errSoFar() {
    return err.toString(StandardCharsets.UTF_8);
  }

  Path credentialsFile() {
    return home.resolve("config").resolve("lava").resolve("credentials.json");
  }

  record Result(int exit, String out, String err) {}
}
