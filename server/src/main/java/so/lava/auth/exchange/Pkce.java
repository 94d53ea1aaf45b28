package so.lava.auth.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import so.lava.auth.system.Secrets;

/** Proof Key for Code Exchange, method S256 only (RFC 7636). */
final class Pkce {

  /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
  static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  /** A challenge is a base64url SHA-256 without padding: always 43 characters. */
  static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private Pkce() {}

  /** RFC 7636 §4.2: {@code BASE64URL(SHA256(ASCII(code_verifier)))}. */
  static String s256(String verifier) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Secrets.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
  }
}
