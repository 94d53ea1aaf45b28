package so.lava.auth.exchange;

import java.util.Optional;
import java.util.UUID;

/**
 * What a signed-in person approved: a key for this account, merchant and wallet, to be handed to
 * the program listening on {@code redirectPort} (empty: the code is shown for pasting), bound to a
 * PKCE challenge when the program sent one.
 */
public record AuthCodeGrant(
    UUID accountId,
    UUID merchantId,
    UUID walletId,
    Optional<Integer> redirectPort,
    Optional<String> codeChallenge) {}
