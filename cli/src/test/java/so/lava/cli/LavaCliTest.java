package so.lava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import so.lava.auth.support.HttpApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code lava} against a real server: every command as a person would run it. */
class LavaCliTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern KEY = Pattern.compile("lava_sk_[0-9A-Za-z]{49}");

  @TempDir Path home;

  @Test
  void loginWhenApprovedThenKeySavedReadableOnlyByOwner() throws Exception {
    ScriptedBrowser browser = ScriptedBrowser.signedUp("approve");
    CliRun lava = new CliRun(home).browser(browser);

    CliRun.Result result = lava.run("login", "--base-url", TestServer.baseUrl());

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(browser.listenerStatus()).isEqualTo(200);
    assertThat(result.err())
        .contains("Opened your browser")
        .contains("Logged in as " + browser.email())
        .contains("Saved key lava_sk_...");
    assertThat(KEY.matcher(result.out() + result.err()).find())
        .as("the key is never printed")
        .isFalse();
    Path file = lava.credentialsFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    JsonNode saved = JSON.readTree(Files.readString(file)).path("profiles").path("default");
    assertThat(saved.path("secret_key").asString()).matches(KEY);
    assertThat(saved.path("account_email").asString()).isEqualTo(browser.email());
    assertThat(saved.path("base_url").asString()).isEqualTo(TestServer.baseUrl());
    URI opened = browser.opened();
    assertThat(ScriptedBrowser.query(opened))
        .containsKeys("state", "port", "code_challenge")
        .containsEntry("code_challenge_method", "S256");
    assertThat(ScriptedBrowser.query(opened).get("state")).hasSize(32);
  }

  @Test
  void whoamiThenSavedLoginAndServersVerdict() {
    ScriptedBrowser browser = loggedIn();

    CliRun.Result result = new CliRun(home).run("whoami");

    assertThat(result.exit()).isZero();
    assertThat(result.out())
        .contains("Profile:")
        .contains("default")
        .contains(browser.email())
        .contains(TestServer.baseUrl())
        .contains("lava_sk_...")
        .contains("credentials.json")
        .contains("accepted by the server");
    assertThat(KEY.matcher(result.out()).find()).isFalse();
  }

  @Test
  void whoamiJsonThenData() {
    ScriptedBrowser browser = loggedIn();

    CliRun.Result result = new CliRun(home).run("status", "--json");

    JsonNode json = JSON.readTree(result.out());
    assertThat(json.path("account_email").asString()).isEqualTo(browser.email());
    assertThat(json.path("accepted").asBoolean()).isTrue();
    assertThat(json.has("secret_key")).isFalse();
  }

  @Test
  void whoamiWhenSecretKeyInEnvironmentThenWarnsAndUsesIt() {
    loggedIn();
    ScriptedBrowser other = ScriptedBrowser.signedUp("approve");
    String otherKey = keyOf(other);

    CliRun.Result result =
        new CliRun(home)
            .env("LAVA_SECRET_KEY", otherKey)
            .env("LAVA_BASE_URL", TestServer.baseUrl())
            .run("whoami");

    assertThat(result.exit()).isZero();
    assertThat(result.err()).contains("LAVA_SECRET_KEY is set and overrides the saved key");
    assertThat(result.out())
        .contains(other.email())
        .contains("Stored in:")
        .contains("LAVA_SECRET_KEY");
  }

  @Test
  void keysCreateListRevokeThenEachSeenOnTheServer() {
    loggedIn();

    CliRun.Result created = new CliRun(home).run("keys", "create", "billing-worker");
    assertThat(created.exit()).isZero();
    String key = created.out().strip();
    assertThat(key).matches(KEY);
    assertThat(created.err()).contains("Copy it now");

    CliRun.Result listed = new CliRun(home).run("keys", "list");
    assertThat(listed.exit()).isZero();
    assertThat(listed.out())
        .startsWith("ID")
        .contains("billing-worker")
        .contains("CLI login (this computer)")
        .doesNotContain(key);

    CliRun.Result json = new CliRun(home).run("keys", "list", "--json");
    JsonNode keys = JSON.readTree(json.out());
    assertThat(keys.size()).isEqualTo(2);
    String id = keys.get(0).path("secret_key_id").asString();

    CliRun.Result revoked = new CliRun(home).run("keys", "revoke", id);
    assertThat(revoked.exit()).isZero();
    assertThat(TestServer.api().withKey(key, "GET", "/v1/auth/whoami", null).status())
        .isEqualTo(401);
    assertThat(new CliRun(home).run("keys", "list").out()).doesNotContain("billing-worker");
  }

  @Test
  void keysRevokeWhenUnknownThenSaysSo() {
    loggedIn();

    CliRun.Result result =
        new CliRun(home).run("keys", "revoke", java.util.UUID.randomUUID().toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.err()).startsWith("lava: no key").contains("lava keys list");
  }

  @Test
  void logoutThenRevokedOnTheServerAndForgottenHere() throws Exception {
    loggedIn();
    String key = savedKey();

    CliRun.Result result = new CliRun(home).run("logout");

    assertThat(result.exit()).isZero();
    assertThat(result.err())
        .contains("Revoked key lava_sk_...")
        .contains("on the server and deleted it");
    assertThat(TestServer.api().withKey(key, "GET", "/v1/auth/whoami", null).status())
        .isEqualTo(401);
    assertThat(Files.readString(new CliRun(home).credentialsFile())).doesNotContain(key);
    assertThat(new CliRun(home).run("whoami").exit()).isEqualTo(ExitCodes.NOT_LOGGED_IN);
  }

  @Test
  void logoutWhenServerDownThenForgottenHereAndSaysTheKeyStillWorks() throws Exception {
    loggedIn();
    String key = savedKey();

    CliRun.Result result = new CliRun(home).run("logout", "--base-url", "http://127.0.0.1:9");

    assertThat(result.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.err())
        .contains("could not reach")
        .contains("still works until it is revoked");
    assertThat(Files.readString(new CliRun(home).credentialsFile())).doesNotContain(key);
    assertThat(TestServer.api().withKey(key, "GET", "/v1/auth/whoami", null).status())
        .isEqualTo(200);
  }

  @Test
  void commandsWhenServerDownThenSayWhereTheyTried() {
    loggedIn();

    CliRun.Result keys = new CliRun(home).run("keys", "list", "--base-url", "http://127.0.0.1:9");
    CliRun.Result whoami = new CliRun(home).run("whoami", "--base-url", "http://127.0.0.1:9");

    assertThat(keys.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(keys.err())
        .isEqualTo(
            "lava: cannot reach the server at http://127.0.0.1:9; is it running? (start one with bin/lava-server)\n");
    assertThat(whoami.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(whoami.out()).contains("cannot reach http://127.0.0.1:9");
  }

  @Test
  void commandsWhenNotLoggedInThenExit4WithTheNextStep() {
    for (String[] command :
        new String[][] {{"whoami"}, {"keys", "list"}, {"keys", "create", "x"}, {"logout"}}) {
      CliRun.Result result = new CliRun(home).run(command);

      assertThat(result.exit()).as(String.join(" ", command)).isEqualTo(ExitCodes.NOT_LOGGED_IN);
      assertThat(result.err()).startsWith("lava: not logged in");
    }
  }

  @Test
  void loginWhenDeniedThenSaysSoAndSavesNothing() throws Exception {
    ScriptedBrowser browser = ScriptedBrowser.signedUp("deny");
    CliRun lava = new CliRun(home).browser(browser);

    CliRun.Result result = lava.run("login", "--base-url", TestServer.baseUrl());

    assertThat(result.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.err())
        .contains("lava: login denied in the browser; run `lava login` to try again");
    assertThat(browser.listenerStatus()).isEqualTo(200);
    assertThat(lava.credentialsFile()).doesNotExist();
  }

  @Test
  void loginWhenForgedAnswerWithWrongStateThen400AndStillWaitsForTheRealOne() throws Exception {
    ScriptedBrowser browser = ScriptedBrowser.signedUp("approve");
    CompletableFuture<Integer> forged = new CompletableFuture<>();
    browser.first(
        () -> {
          URI url = browser.opened();
          String port = ScriptedBrowser.query(url).get("port");
          forged.complete(
              new HttpApi("http://127.0.0.1:" + port)
                  .send(
                      "GET",
                      "/callback?code=stolen&state=wrong",
                      Optional.empty(),
                      java.net.http.HttpRequest.BodyPublishers.noBody())
                  .status());
        });

    CliRun.Result result =
        new CliRun(home).browser(browser).run("login", "--base-url", TestServer.baseUrl());

    assertThat(forged.get(10, TimeUnit.SECONDS)).isEqualTo(400);
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.err()).contains("Logged in as " + browser.email());
  }

  @Test
  void loginWhenNobodyApprovesThenTimesOut() {
    CliRun.Result result =
        new CliRun(home)
            .browser(url -> true)
            .run("login", "--base-url", TestServer.baseUrl(), "--timeout", "2s");

    assertThat(result.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.err())
        .contains(
            "lava: nobody approved the login within 2 seconds; run `lava login` to try again");
  }

  @Test
  void loginWhenBrowserCannotOpenThenPrintsTheUrl() {
    CliRun.Result result =
        new CliRun(home)
            .browser(url -> false)
            .run("login", "--base-url", TestServer.baseUrl(), "--timeout", "1s");

    assertThat(result.err())
        .contains("Could not open a browser. Open this URL")
        .contains(TestServer.baseUrl() + "/auth/connect?state=");
  }

  @Test
  void loginPasteModeThenCodeFromStandardInput() throws Exception {
    ScriptedBrowser person = ScriptedBrowser.signedUp("approve");
    PipedOutputStream typing = new PipedOutputStream();
    CliRun lava = new CliRun(home).noDisplay().stdin(new PipedInputStream(typing));
    CompletableFuture<CliRun.Result> running =
        CompletableFuture.supplyAsync(() -> lava.run("login", "--base-url", TestServer.baseUrl()));

    String url = awaitUrl(lava);
    assertThat(url).doesNotContain("port=").contains("code_challenge=");
    URI uri = URI.create(url);
    person.session().get(uri.getRawPath() + "?" + uri.getRawQuery());
    Map<String, String> form = new java.util.HashMap<>(ScriptedBrowser.query(uri));
    form.put("decision", "approve");
    String page = person.session().post("/auth/connect", form).body();
    String code = page.replaceAll("(?s).*id=\"login-code\"[^>]*>([0-9A-Za-z]{32})<.*", "$1");
    typing.write((code + "\n").getBytes(StandardCharsets.UTF_8));
    typing.flush();

    CliRun.Result result = running.get(30, TimeUnit.SECONDS);
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.err()).contains("paste the code").contains("Logged in as " + person.email());
  }

  @Test
  void loginPasteModeWhenCodeWrongThenSaysSo() {
    CliRun.Result result =
        new CliRun(home)
            .noDisplay()
            .stdin(new java.io.ByteArrayInputStream("abc\n".getBytes(StandardCharsets.UTF_8)))
            .run("login", "--no-browser", "--base-url", TestServer.baseUrl());

    assertThat(result.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.err())
        .contains("lava: the code was not accepted; run `lava login` to get a new one");
  }

  @Test
  void profilesThenSeveralLoginsOneCurrent() {
    loggedIn();
    ScriptedBrowser work = ScriptedBrowser.signedUp("approve");
    assertThat(
            new CliRun(home)
                .browser(work)
                .run("login", "--profile", "work", "--base-url", TestServer.baseUrl())
                .exit())
        .isZero();

    CliRun.Result listed = new CliRun(home).run("profiles", "list");
    assertThat(listed.out()).contains("default").contains("work").contains(work.email());
    assertThat(new CliRun(home).run("whoami").out()).doesNotContain(work.email());

    assertThat(new CliRun(home).run("profiles", "use", "work").exit()).isZero();
    assertThat(new CliRun(home).run("whoami").out()).contains(work.email());
    assertThat(new CliRun(home).run("profiles", "use", "nope").exit()).isEqualTo(ExitCodes.FAILURE);
  }

  @Test
  void usageErrorsThenExit2() {
    assertThat(new CliRun(home).run("nope").exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(new CliRun(home).run("keys", "create").exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(new CliRun(home).run("login", "--timeout", "soon").exit())
        .isEqualTo(ExitCodes.USAGE);
    CliRun.Result help = new CliRun(home).run("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains("login")
        .contains("logout")
        .contains("whoami")
        .contains("keys")
        .contains("profiles");
    assertThat(new CliRun(home).run("--version").out()).startsWith("lava ");
  }

  private ScriptedBrowser loggedIn() {
    ScriptedBrowser browser = ScriptedBrowser.signedUp("approve");
    CliRun.Result result =
        new CliRun(home).browser(browser).run("login", "--base-url", TestServer.baseUrl());
    assertThat(result.exit()).as(result.err()).isZero();
    return browser;
  }

  private String savedKey() throws Exception {
    return JSON.readTree(Files.readString(new CliRun(home).credentialsFile()))
        .path("profiles")
        .path("default")
        .path("secret_key")
        .asString();
  }

  /** A key for another account, made through the same login in another home. */
  private String keyOf(ScriptedBrowser browser) {
    Path other = home.resolve("other");
    new CliRun(other).browser(browser).run("login", "--base-url", TestServer.baseUrl());
    try {
      return JSON.readTree(Files.readString(new CliRun(other).credentialsFile()))
          .path("profiles")
          .path("default")
          .path("secret_key")
          .asString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String awaitUrl(CliRun lava) throws InterruptedException {
    Pattern url = Pattern.compile("(http://\\S+/auth/connect\\?\\S+)");
    for (int i = 0; i < 200; i++) {
      Matcher m = url.matcher(lava.errSoFar());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the CLI never printed a URL: " + lava.errSoFar());
  }
}
