package so.lava.client;

import java.net.URI;

/** The server could not be reached at all: nothing was sent, or no answer came. */
public class LavaUnreachableException extends RuntimeException {

  private final URI url;

  public LavaUnreachableException(URI url, Throwable cause) {
    super("cannot reach " + url, cause);
    this.url = url;
  }

  public URI url() {
    return url;
  }
}
