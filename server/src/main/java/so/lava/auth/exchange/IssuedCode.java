package so.lava.auth.exchange;

import java.time.Instant;
import java.util.UUID;

/**
 * A freshly minted one-time code. {@code code} is the only copy there will ever be: hand it to the
 * program and forget it.
 */
public record IssuedCode(UUID id, String code, Instant expiresAt) {

  @Override
  public String toString() {
    return "IssuedCode[id=" + id + ", expiresAt=" + expiresAt + "]";
  }
}
