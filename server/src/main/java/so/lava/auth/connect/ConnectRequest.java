package so.lava.auth.connect;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * What a command-line program asks for when it opens {@code /auth/connect}: its loopback {@code
 * port} (none: paste mode, the code is shown on the page), the {@code state} to echo back, and an
 * optional PKCE challenge (RFC 7636, S256 only).
 *
 * <p>The only place this ever redirects to is {@code http://127.0.0.1:{port}/callback}: the port is
 * the only part a caller chooses, so there is no open redirect.
 */
public record ConnectRequest(
    Optional<Integer> port, Optional<String> state, Optional<String> codeChallenge) {

  static final int MIN_PORT = 1024;
  static final int MAX_PORT = 65535;
  static final int MAX_STATE = 512;

  private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]+");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
  private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

  public boolean pasteMode() {
    return port.isEmpty();
  }

  /** Where the browser goes after approval (RFC 8252 §7.3, loopback redirect). */
  URI callback(String code) {
    return URI.create(base() + "?code=" + encode(code) + "&state=" + encode(state.orElse("")));
  }

  /** Where the browser goes after denial (RFC 6749 §4.1.2.1). */
  URI denial() {
    return URI.create(base() + "?error=access_denied&state=" + encode(state.orElse("")));
  }

  private String base() {
    return "http://127.0.0.1:" + port.orElseThrow() + "/callback";
  }

  /** Query encoding with spaces as {@code %20}: a {@code +} would come back as a space. */
  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Reads and checks the parameters.
   *
   * @return the request, or the list of problems in words a person can act on
   */
  static Parsed parse(MultiValueMap<String, String> parameters) {
    List<String> problems = new ArrayList<>();
    Optional<String> rawPort = single(parameters, "port", problems);
    Optional<String> state = single(parameters, "state", problems);
    Optional<String> challenge = single(parameters, "code_challenge", problems);
    Optional<String> method = single(parameters, "code_challenge_method", problems);

    Optional<Integer> port = Optional.empty();
    if (rawPort.isPresent()) {
      if (!PORT.matcher(rawPort.get()).matches()
          || Integer.parseInt(rawPort.get()) < MIN_PORT
          || Integer.parseInt(rawPort.get()) > MAX_PORT) {
        problems.add(
            "The program's port must be a whole number from " + MIN_PORT + " to " + MAX_PORT + ".");
      } else {
        port = Optional.of(Integer.parseInt(rawPort.get()));
      }
    }
    if (state.isPresent()
        && (state.get().length() > MAX_STATE || !PRINTABLE.matcher(state.get()).matches())) {
      problems.add("The login's state must be 1 to " + MAX_STATE + " printable characters.");
    } else if (state.isEmpty() && rawPort.isPresent()) {
      problems.add("The login link has no state, so its answer could not be checked.");
    }
    if (challenge.isPresent() && !CHALLENGE.matcher(challenge.get()).matches()) {
      problems.add("The code challenge must be 43 base64url characters (PKCE S256).");
    }
    if (challenge.isPresent() && !method.map("S256"::equals).orElse(false)) {
      problems.add("Only the S256 code challenge method is supported.");
    }
    if (challenge.isEmpty() && method.isPresent()) {
      problems.add("A code challenge method was given without a code challenge.");
    }
    return new Parsed(new ConnectRequest(port, state, challenge), problems);
  }

  private static Optional<String> single(
      MultiValueMap<String, String> parameters, String name, List<String> problems) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      problems.add("The login link names " + name + " more than once.");
      return Optional.empty();
    }
    return values.get(0).isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** A request and what is wrong with it; it may be used only when {@code problems} is empty. */
  record Parsed(ConnectRequest request, List<String> problems) {

    boolean valid() {
      return problems.isEmpty();
    }
  }
}
