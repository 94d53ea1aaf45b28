package so.lava.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import so.lava.auth.system.Secrets;

class SecretKeyFormatTest {

  @Test
  void generateThenPrefixedBase62WithValidChecksum() {
    String key = SecretKeyFormat.generate();

    assertThat(key)
        .startsWith("lava_sk_")
        .hasSize(SecretKeyFormat.LENGTH)
        .matches("lava_sk_[0-9A-Za-z]{49}");
    assertThat(SecretKeyFormat.isWellFormed(key)).isTrue();
  }

  @Test
  void generateThenNoTwoKeysAlike() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      keys.add(SecretKeyFormat.generate());
    }
    assertThat(keys).hasSize(10_000);
  }

  @Test
  void isWellFormedWhenAnySingleCharacterMistypedThenFalse() {
    String key = SecretKeyFormat.generate();
    for (int i = SecretKeyFormat.PREFIX.length(); i < key.length(); i++) {
      char original = key.charAt(i);
      char typo = Secrets.BASE62.charAt((Secrets.BASE62.indexOf(original) + 1) % 62);
      String mistyped = key.substring(0, i) + typo + key.substring(i + 1);
      assertThat(SecretKeyFormat.isWellFormed(mistyped)).as("typo at %d", i).isFalse();
    }
  }

  @Test
  void isWellFormedWhenTruncatedOrExtendedOrWrongPrefixThenFalse() {
    String key = SecretKeyFormat.generate();

    assertThat(SecretKeyFormat.isWellFormed(key.substring(0, key.length() - 1))).isFalse();
    assertThat(SecretKeyFormat.isWellFormed(key + "a")).isFalse();
    assertThat(SecretKeyFormat.isWellFormed("lava_pk_" + key.substring(8))).isFalse();
    assertThat(SecretKeyFormat.isWellFormed(key.replace('_', '-'))).isFalse();
    assertThat(SecretKeyFormat.isWellFormed(null)).isFalse();
    assertThat(SecretKeyFormat.isWellFormed("")).isFalse();
  }

  @Test
  void hintThenPrefixAndLastFourOnly() {
    String key = SecretKeyFormat.generate();

    assertThat(SecretKeyFormat.hint(key))
        .isEqualTo("lava_sk_..." + key.substring(key.length() - 4))
        .hasSize(15);
  }
}
