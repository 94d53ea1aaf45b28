-- The exchange's statement as the server sends it (AuthCodeRepository.REDEEM), with a code drawn
-- from a pool of pre-inserted ones; the hashes the server computes in Java are computed here.
\set n random(1, 1000000)
WITH consumed AS (
    UPDATE auth_codes SET used_at = now()
    WHERE code_hash = sha256(convert_to('pgbench-' || :n, 'UTF8'))
      AND used_at IS NULL
      AND expires_at > now()
      AND (code_challenge IS NULL OR code_challenge = NULL)
    RETURNING id, account_id, merchant_id, wallet_id
), issued AS (
    INSERT INTO secret_keys (merchant_id, wallet_id, account_id, auth_code_id,
                             name, key_hash, key_hint, source)
    SELECT merchant_id, wallet_id, account_id, id, 'CLI login',
           sha256(convert_to('pgbench-key-' || :n || random(), 'UTF8')), 'lava_sk_...pgbn', 'cli_login'
    FROM consumed
    RETURNING id, merchant_id, wallet_id, account_id, auth_code_id
), audited AS (
    INSERT INTO audit_events (type, account_id, merchant_id, secret_key_id, auth_code_id,
                              client_address)
    SELECT 'auth_code_exchanged', account_id, merchant_id, id, auth_code_id, '127.0.0.1' FROM issued
)
SELECT id, merchant_id, wallet_id FROM issued;
