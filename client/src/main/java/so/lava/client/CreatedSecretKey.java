package so.lava.client;

/** A key just created, with its full value: the only time it is shown. */
public record CreatedSecretKey(SecretKey key, String secretKey) {

  @Override
  public String toString() {
    return "CreatedSecretKey[" + key + "]";
  }
}
