/**
 * API keys ({@code /api/v1/api-keys}): creation, listing and revocation, the authentication
 * mechanism that turns a bearer key into a {@link dev.baton.security.Caller}, and the cache that
 * forgets a key on every replica when PostgreSQL notifies a change.
 */
package dev.baton.apikey;
