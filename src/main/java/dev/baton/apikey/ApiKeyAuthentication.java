package dev.baton.apikey;

import dev.baton.security.Caller;
import dev.baton.security.KeyId;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * {@code Authorization: Bearer <api key>}. A key this replica has seen is served from memory on the
 * request's own thread ({@link ApiKeyCache}, forgotten as soon as any key changes); another is read
 * from the database (one indexed read) on a worker thread.
 */
@ApplicationScoped
public class ApiKeyAuthentication implements HttpAuthenticationMechanism {

  private static final String SCHEME = "Bearer";

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identities) {
    String header = context.request().getHeader("Authorization");
    if (header == null) {
      return Uni.createFrom().optional(java.util.Optional.empty());
    }
    if (header.length() <= SCHEME.length() + 1
        || !header.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
      return Uni.createFrom().failure(new AuthenticationFailedException("not a bearer token"));
    }
    String key = header.substring(SCHEME.length() + 1).strip();
    return identities.authenticate(
        new TokenAuthenticationRequest(new TokenCredential(key, SCHEME.toLowerCase())));
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", SCHEME));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(TokenAuthenticationRequest.class);
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return Uni.createFrom()
        .item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
  }

  @ApplicationScoped
  static class KeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final ApiKeyService keys;
    private final ApiKeyCache cache;

    KeyIdentityProvider(ApiKeyService keys, ApiKeyCache cache) {
      this.keys = keys;
      this.cache = cache;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
      return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
        TokenAuthenticationRequest request, AuthenticationRequestContext context) {
      String hash = ApiKeyService.hash(request.getToken().getToken());
      SecurityIdentity known = cache.get(hash);
      if (known != null) {
        return Uni.createFrom().item(known);
      }
      long generation = cache.generation();
      return context.runBlocking(
          () -> {
            Caller caller =
                keys.authenticate(hash)
                    .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked key"));
            QuarkusSecurityIdentity.Builder identity =
                QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(caller.name()))
                    .addRole(caller.role().name())
                    .addAttribute(KeyId.ATTRIBUTE, caller.keyId())
                    .addAttribute(Caller.ROLE, caller.role());
            if (caller.rateLimit() != null) {
              identity.addAttribute(Caller.RATE_LIMIT, caller.rateLimit());
            }
            SecurityIdentity built = identity.build();
            cache.put(hash, built, generation);
            return built;
          });
    }
  }
}
