package so.lava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import so.lava.auth.support.Browser;

/**
 * {@code lava login} with a real Chromium as the person's browser: it opens the URL the CLI gives
 * it, signs up, approves, and lands on the CLI's own "you can close this tab" page.
 */
class ChromiumLoginTest {

  @TempDir Path home;

  @Test
  void loginInChromiumThenLoggedIn() throws Exception {
    try (Browser chromium = Browser.start()) {
      CompletableFuture<String> finalPage = new CompletableFuture<>();
      String email = "chromium-" + UUID.randomUUID() + "@example.com";
      CliRun lava =
          new CliRun(home)
              .browser(
                  url -> {
                    Thread person =
                        new Thread(
                            () -> {
                              try {
                                chromium.open(url.toString());
                                chromium.click("a[href='/signup']");
                                chromium.type("#email", email);
                                chromium.type("#password", "correct horse battery staple");
                                chromium.click("button[type=submit]");
                                chromium.click("button[value=approve]");
                                chromium.waitForUrl(u -> u.startsWith("http://127.0.0.1:"));
                                chromium.screenshot("cli-login-done");
                                finalPage.complete(chromium.text("body"));
                              } catch (Throwable t) {
                                finalPage.completeExceptionally(t);
                              }
                            });
                    person.start();
                    return true;
                  });

      CliRun.Result result = lava.run("login", "--base-url", TestServer.baseUrl());

      assertThat(result.exit()).as(result.err()).isZero();
      assertThat(result.err()).contains("Logged in as " + email);
      assertThat(finalPage.get(20, TimeUnit.SECONDS)).contains("You can close this tab");
      assertThat(new CliRun(home).run("whoami").out())
          .contains(email)
          .contains("accepted by the server");
    }
  }
}
