/**
 * How a one-time code becomes a secret key: {@code POST /v1/auth/callback}.
 *
 * <p>Read it in this order: {@link so.lava.auth.exchange.AuthCodeIssuer} mints a code when a person
 * approves a command-line program; {@link so.lava.auth.exchange.ExchangeController} takes the
 * program's request; {@link so.lava.auth.exchange.ExchangeRequest} parses and validates it; {@link
 * so.lava.auth.exchange.CodeExchange} holds the rules (expiry, single use, reuse, PKCE); {@link
 * so.lava.auth.exchange.AuthCodeRepository} holds the SQL; {@link
 * so.lava.auth.exchange.ExchangeErrors} names every way it can be refused.
 */
package so.lava.auth.exchange;
