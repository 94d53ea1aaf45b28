package so.lava.auth.accounts;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import so.lava.auth.accounts.AccountRepository.Account;

/**
 * Who is signed in. The session holds only the account id (the principal's name); the account, its
 * merchant and wallet are read fresh on each request.
 */
@Component
public class SignedIn {

  private final AccountRepository accounts;

  SignedIn(AccountRepository accounts) {
    this.accounts = accounts;
  }

  public Optional<Account> account(Authentication authentication) {
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    try {
      return accounts.findById(UUID.fromString(authentication.getName()));
    } catch (IllegalArgumentException notAnAccountId) {
      return Optional.empty();
    }
  }

  /** The signed-in account; pages behind sign-in use this. */
  public Account require(Authentication authentication) {
    return account(authentication)
        .orElseThrow(() -> new IllegalStateException("no signed-in account"));
  }
}
