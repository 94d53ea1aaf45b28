package so.lava.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import so.lava.client.BrowserOpener;

/**
 * Everything a command touches outside itself: the environment, the terminal, the browser. Tests
 * give their own, with a temporary home and a scripted browser.
 *
 * @param console present when a person sits at an interactive terminal
 * @param hasDisplay whether a browser could be shown on this machine
 */
public record Context(
    Map<String, String> env,
    InputStream in,
    PrintStream out,
    PrintStream err,
    Optional<Console> console,
    BrowserOpener opener,
    boolean hasDisplay) {

  public static Context system() {
    return new Context(
        System.getenv(),
        System.in,
        System.out,
        System.err,
        Optional.ofNullable(System.console()),
        BrowserOpener.system(),
        BrowserOpener.hasDisplay());
  }

  public Optional<String> env(String name) {
    return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
  }

  /**
   * Where configuration lives: {@code $XDG_CONFIG_HOME/lava}, by default {@code ~/.config/lava}.
   */
  public Path configDirectory() {
    Path base =
        env("XDG_CONFIG_HOME")
            .map(Path::of)
            .orElseGet(
                () -> Path.of(env("HOME").orElse(System.getProperty("user.home")), ".config"));
    return base.resolve("lava");
  }

  /** Reads a secret from the person: hidden on a terminal, a plain line from a pipe. */
  public String readSecret(String prompt) {
    if (console.isPresent()) {
      char[] typed = console.get().readPassword("%s", prompt);
      return typed == null ? "" : new String(typed);
    }
    err.print(prompt);
    err.flush();
    try {
      String line =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
      return line == null ? "" : line;
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
