-- A person who signs in.
CREATE TABLE accounts (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
-- E-mail addresses are unique regardless of case.
CREATE UNIQUE INDEX accounts_email_unique ON accounts (lower(email));

-- The business an account acts for.
CREATE TABLE merchants (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id uuid        NOT NULL REFERENCES accounts (id),
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX merchants_account ON merchants (account_id);

-- The merchant's balance that usage is billed to.
CREATE TABLE wallets (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id uuid        NOT NULL REFERENCES merchants (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wallets_merchant ON wallets (merchant_id);

-- One-time authorization codes: stored only as a SHA-256 hash, live 60 seconds, work once.
-- redirect_port is the command-line program's loopback port (NULL: the code was shown on the page
-- for pasting); code_challenge is the PKCE S256 challenge (RFC 7636), when the program sent one.
CREATE TABLE auth_codes (
    id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    code_hash      bytea       NOT NULL UNIQUE CHECK (length(code_hash) = 32),
    code_hint      text        NOT NULL,
    account_id     uuid        NOT NULL REFERENCES accounts (id),
    merchant_id    uuid        NOT NULL REFERENCES merchants (id),
    wallet_id      uuid        NOT NULL REFERENCES wallets (id),
    redirect_port  integer     CHECK (redirect_port BETWEEN 1024 AND 65535),
    code_challenge text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz
);
CREATE INDEX auth_codes_expires ON auth_codes (expires_at);
CREATE INDEX auth_codes_account_created ON auth_codes (account_id, created_at DESC);

-- Long-lived API keys (lava_sk_...): stored only as a SHA-256 hash plus a short hint for display.
-- source says who made it: a command-line login, a person on the dashboard, or a call to the API.
-- auth_code_id names the code a login key was issued for: at most one key per code.
CREATE TABLE secret_keys (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id  uuid        NOT NULL REFERENCES merchants (id),
    wallet_id    uuid        NOT NULL REFERENCES wallets (id),
    account_id   uuid        NOT NULL REFERENCES accounts (id),
    auth_code_id uuid        UNIQUE REFERENCES auth_codes (id) ON DELETE SET NULL,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    key_hash     bytea       NOT NULL UNIQUE CHECK (length(key_hash) = 32),
    key_hint     text        NOT NULL,
    source       text        NOT NULL CHECK (source IN ('cli_login', 'dashboard', 'api')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX secret_keys_merchant_created ON secret_keys (merchant_id, created_at DESC, id DESC)
    WHERE revoked_at IS NULL;

-- What happened, kept after the codes and keys it names are gone (so no foreign keys).
CREATE TABLE audit_events (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    type           text        NOT NULL,
    account_id     uuid,
    merchant_id    uuid,
    secret_key_id  uuid,
    auth_code_id   uuid,
    client_address text
);
CREATE INDEX audit_events_account_occurred ON audit_events (account_id, occurred_at DESC);
CREATE INDEX audit_events_auth_code ON audit_events (auth_code_id);
