package so.lava.auth.exchange;

import java.time.Duration;
import org.springframework.stereotype.Service;
import so.lava.auth.system.Secrets;

/**
 * Mints one-time codes. Only a signed-in person's approval calls this: no route mints a code on its
 * own.
 *
 * <p>A code is 32 base62 characters from {@link java.security.SecureRandom} (190 bits), stored only
 * as its SHA-256, and expires {@link #LIFETIME} after issue by the database's clock, so that every
 * instance sharing the database agrees on when.
 */
@Service
public class AuthCodeIssuer {

  /** How long a code can be exchanged: 60 seconds, as the specification says. */
  public static final Duration LIFETIME = Duration.ofSeconds(60);

  static final int CODE_LENGTH = 32;

  private final AuthCodeRepository codes;

  AuthCodeIssuer(AuthCodeRepository codes) {
    this.codes = codes;
  }

  public IssuedCode issue(AuthCodeGrant grant) {
    String code = Secrets.randomBase62(CODE_LENGTH);
    AuthCodeRepository.Inserted row =
        codes.insert(Secrets.sha256(code), hint(code), grant, LIFETIME);
    return new IssuedCode(row.id(), code, row.expiresAt());
  }

  static String hint(String code) {
    return "..." + code.substring(code.length() - 4);
  }
}
