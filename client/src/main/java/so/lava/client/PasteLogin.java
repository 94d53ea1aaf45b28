package so.lava.client;

import java.net.URI;
import java.util.Optional;

/**
 * The login for machines without a browser (paste mode): the person opens {@link #url} anywhere,
 * approves, and types the code the page shows into the program, which {@link #exchange}s it. Bound
 * to a PKCE challenge, so a code read over someone's shoulder is useless elsewhere.
 */
public final class PasteLogin {

  private final LavaClient client;
  private final Pkce pkce = Pkce.create();

  public PasteLogin(LavaClient client) {
    this.client = client;
  }

  public URI url() {
    return URI.create(
        client.baseUrl()
            + "/auth/connect?code_challenge="
            + pkce.challenge()
            + "&code_challenge_method=S256");
  }

  public Credentials exchange(String code) {
    return client.exchangeAuthCode(code.strip(), Optional.of(pkce.verifier()));
  }
}
