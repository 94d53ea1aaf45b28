package so.lava.auth.accounts;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a person types to sign up, and the rules it must meet. Each mistake gets its own message.
 *
 * @param email their e-mail address; unique regardless of case
 * @param password at least {@value #MIN_PASSWORD} characters
 * @param business the merchant's name; their e-mail when left empty
 */
public record SignUpForm(String email, String password, String business) {

  static final int MIN_PASSWORD = 12;
  static final int MAX_PASSWORD = 128;
  static final int MAX_BUSINESS = 100;

  /** Deliberately loose: one @, something on each side, a dot in the domain, no spaces. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public static SignUpForm empty() {
    return new SignUpForm("", "", "");
  }

  String cleanEmail() {
    return email == null ? "" : email.strip();
  }

  String merchantName() {
    String name = business == null ? "" : business.strip();
    return name.isEmpty() ? cleanEmail() : name;
  }

  /** Field name to message, in the order of the form; empty when the form is fine. */
  Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    String mail = cleanEmail();
    String pass = password == null ? "" : password;
    if (mail.isEmpty()) {
      problems.put("email", "Enter your e-mail address.");
    } else if (mail.length() > 254 || !EMAIL.matcher(mail).matches()) {
      problems.put("email", "Enter an e-mail address like name@example.com.");
    }
    if (pass.isEmpty()) {
      problems.put("password", "Choose a password.");
    } else if (pass.length() < MIN_PASSWORD) {
      problems.put("password", "Use at least " + MIN_PASSWORD + " characters.");
    } else if (pass.length() > MAX_PASSWORD) {
      problems.put("password", "Use at most " + MAX_PASSWORD + " characters.");
    } else if (!mail.isEmpty()
        && pass.toLowerCase(Locale.ROOT).contains(mail.toLowerCase(Locale.ROOT))) {
      problems.put("password", "Don't use your e-mail address in your password.");
    }
    if (business != null && business.strip().length() > MAX_BUSINESS) {
      problems.put("business", "Use at most " + MAX_BUSINESS + " characters.");
    }
    return problems;
  }

  @Override
  public String toString() {
    return "SignUpForm[email=" + email + ", password=<redacted>]";
  }
}
