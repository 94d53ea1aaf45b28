package so.lava.auth.accounts;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Looks up an account for Spring Security's sign-in by e-mail, regardless of case. The principal's
 * name is the account id, so that a session never depends on the e-mail.
 */
@Service
class AccountDetailsService implements UserDetailsService {

  private final AccountRepository accounts;

  AccountDetailsService(AccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  public UserDetails loadUserByUsername(String email) {
    return accounts
        .findCredentials(email.strip())
        .map(
            credentials ->
                User.withUsername(credentials.accountId().toString())
                    .password(credentials.passwordHash())
                    .roles("ACCOUNT")
                    .build())
        .orElseThrow(() -> new UsernameNotFoundException("no such account"));
  }
}
