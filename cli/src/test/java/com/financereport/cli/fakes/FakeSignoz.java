package com.financereport.cli.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SigNoz's HTTP API as contracts/signoz-api.md describes it. The version it reports decides what
 * exists: personal access tokens (/api/v1/pats) up to v0.117, service accounts from v0.118, the
 * session login from v0.100 and /api/v1/login up to v0.108, role assignment through
 * /api/v1/service_account_roles from v0.132, and query_range v5 from v0.87 (v3/v4 always).
 *
 * <p>Enforced: the envelope on every JSON answer; SIGNOZ-API-KEY or Bearer auth; 401 for unknown,
 * revoked or expired keys; admin-only key management (403); name regexes; negative or past expiry
 * (400); duplicate service accounts and key names (409); unknown fields in a v5 query (400).
 * The v5 query also answers {@code signal: traces}, an extension of the contract described in
 * {@link FakeQueryRange}.
 */
public final class FakeSignoz implements AutoCloseable {
  private static final Pattern ACCOUNT_NAME = Pattern.compile("^[a-z][a-z0-9-]{0,49}$");
  private static final Pattern KEY_NAME = Pattern.compile("^[a-z][a-z0-9-]{0,79}$");
  private static final String ORG_ID = "0196a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
  private static final Map<String, String> MANAGED_ROLES =
      Map.of(
          "signoz-admin", "ADMIN",
          "signoz-editor", "EDITOR",
          "signoz-viewer", "VIEWER");

  private final FakeHttpServer server;
  private final String version;
  private final int minor;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, String> passwords = new LinkedHashMap<>();
  private final Set<String> accessTokens = new HashSet<>();
  private final List<Pat> pats = new ArrayList<>();
  private final List<ServiceAccount> accounts = new ArrayList<>();
  private final List<AccountKey> accountKeys = new ArrayList<>();
  private final Map<String, String> roleIds = new LinkedHashMap<>();
  private boolean newKeysRejected;
  private Supplier<List<LogRow>> logs = List::of;
  private Supplier<List<SpanRow>> spans = List::of;

  private static final class Pat {
    final String id = UUID.randomUUID().toString();
    String name;
    String role;
    String token;
    long expiresAt;
    boolean revoked;
    boolean rejected;
  }

  private static final class ServiceAccount {
    final String id = UUID.randomUUID().toString();
    String name;
    String role;
  }

  private static final class AccountKey {
    final String id = UUID.randomUUID().toString();
    String accountId;
    String name;
    String key;
    long expiresAt;
    boolean revoked;
    boolean rejected;
  }

  /** A caller that authenticated, with the role its key or login carries. */
  private record Caller(String role) {
    boolean admin() {
      return "ADMIN".equals(role);
    }
  }

  public FakeSignoz(String version) {
    this.version = version;
    this.minor = Integer.parseInt(version.replaceFirst("^v0\\.(\\d+).*$", "$1"));
    MANAGED_ROLES.keySet().stream().sorted().forEach(name -> roleIds.put(name, UUID.randomUUID().toString()));
    this.server = new FakeHttpServer(this::route);
  }

  public URI baseUri() {
    return server.baseUri();
  }

  public FakeHttpServer server() {
    return server;
  }

  public synchronized void addUser(String email, String password) {
    passwords.put(email, password);
  }

  /** A key with this role, made the way the reported version makes keys. */
  public synchronized String issueKey(String role, String name) {
    if (usesServiceAccounts()) {
      ServiceAccount account = new ServiceAccount();
      account.name = name;
      account.role = role;
      accounts.add(account);
      AccountKey key = new AccountKey();
      key.accountId = account.id;
      key.name = name + "-seed";
      key.key = newSecret();
      accountKeys.add(key);
      return key.key;
    }
    Pat pat = new Pat();
    pat.name = name;
    pat.role = role;
    pat.token = newSecret();
    pats.add(pat);
    return pat.token;
  }

  /** Whether SigNoz would accept this key right now. */
  public synchronized boolean accepts(String key) {
    return callerForKey(key) != null;
  }

  /** The names of the keys that are not revoked. */
  public synchronized List<String> liveKeyNames() {
    List<String> names = new ArrayList<>();
    pats.stream().filter(p -> !p.revoked).forEach(p -> names.add(p.name));
    accountKeys.stream().filter(k -> !k.revoked).forEach(k -> names.add(k.name));
    return names;
  }

  public synchronized String idOfKey(String key) {
    for (Pat pat : pats) {
      if (pat.token.equals(key)) {
        return pat.id;
      }
    }
    for (AccountKey accountKey : accountKeys) {
      if (accountKey.key.equals(key)) {
        return accountKey.id;
      }
    }
    return null;
  }

  /** The role a service account's keys carry (what its managed role grants), or null without an account. */
  public synchronized String roleOfAccount(String name) {
    return accounts.stream().filter(a -> name.equals(a.name)).map(a -> a.role).findFirst().orElse(null);
  }

  public synchronized void expire(String key) {
    long past = Instant.now().getEpochSecond() - 60;
    pats.stream().filter(p -> p.token.equals(key)).forEach(p -> p.expiresAt = past);
    accountKeys.stream().filter(k -> k.key.equals(key)).forEach(k -> k.expiresAt = past);
  }

  /** Keys created from now on are stored but get 401: a new key that does not work. */
  public synchronized void rejectNewKeys() {
    newKeysRejected = true;
  }

  /** Where query_range finds its logs, e.g. what an OTLP receiver got. */
  public synchronized void logsFrom(Supplier<List<LogRow>> source) {
    this.logs = source;
  }

  /** Where query_range finds its spans (signal traces), e.g. what an OTLP receiver got. */
  public synchronized void spansFrom(Supplier<List<SpanRow>> source) {
    this.spans = source;
  }

  /** How many v5 query_range requests asked for this signal: lets a test count lookups instead of waiting. */
  public int v5Queries(String signal) {
    return (int)
        server.requests().stream()
            .filter(r -> r.method().equals("POST") && r.path().equals("/api/v5/query_range"))
            .filter(r -> r.json() != null
                && signal.equals(r.json().path("compositeQuery").path("queries").path(0).path("spec").path("signal").asText()))
            .count();
  }

  /** The next matching request fails with this status and an error envelope. */
  public void failNext(String method, String pathPrefix, int status, String message) {
    server.failNext(method, pathPrefix, () -> error(status, typeFor(status), message));
  }

  public void hangNext(String method, String pathPrefix) {
    server.hangNext(method, pathPrefix);
  }

  private boolean usesServiceAccounts() {
    return minor >= 118;
  }

  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  // ---- routing ----------------------------------------------------------------------------

  private synchronized FakeResponse route(RecordedRequest request) {
    String method = request.method();
    String path = request.path();
    if (method.equals("GET") && path.equals("/api/v1/health")) {
      return FakeResponse.json(200, Map.of("status", "ok"));
    }
    if (method.equals("GET") && path.equals("/api/v1/version")) {
      return FakeResponse.json(200, Map.of("version", version, "ee", "Y", "setupCompleted", true));
    }
    if (minor >= 100 && method.equals("GET") && path.equals("/api/v2/sessions/context")) {
      return sessionContext(request);
    }
    if (minor >= 100 && method.equals("POST") && path.equals("/api/v2/sessions/email_password")) {
      return sessionLogin(request.json());
    }
    if (minor <= 108 && method.equals("POST") && path.equals("/api/v1/login")) {
      return legacyLogin(request.json());
    }

    Caller caller = authenticate(request);
    if (caller == null) {
      return error(401, "unauthenticated", "missing, invalid, revoked or expired credentials");
    }
    if (path.startsWith("/api/v1/pats") && !usesServiceAccounts()) {
      return caller.admin() ? pats(request) : forbidden();
    }
    if ((path.startsWith("/api/v1/service_accounts") || path.equals("/api/v1/roles")
            || path.equals("/api/v1/service_account_roles"))
        && usesServiceAccounts()) {
      return caller.admin() ? serviceAccounts(request) : forbidden();
    }
    if (method.equals("POST") && path.equals("/api/v5/query_range") && minor >= 87) {
      return FakeQueryRange.v5(request.json(), logs.get(), spans.get());
    }
    if (method.equals("POST") && (path.equals("/api/v4/query_range") || path.equals("/api/v3/query_range"))) {
      return FakeQueryRange.v3(request.json(), logs.get());
    }
    return error(404, "not_found", "route not found: " + method + " " + path);
  }

  private Caller authenticate(RecordedRequest request) {
    String key = request.header("SIGNOZ-API-KEY");
    if (key != null) {
      return callerForKey(key);
    }
    String authorization = request.header("Authorization");
    if (authorization != null && authorization.startsWith("Bearer ")
        && accessTokens.contains(authorization.substring(7))) {
      return new Caller("ADMIN");
    }
    return null;
  }

  private Caller callerForKey(String key) {
    long now = Instant.now().getEpochSecond();
    for (Pat pat : pats) {
      if (pat.token.equals(key)) {
        boolean valid = !pat.revoked && !pat.rejected && (pat.expiresAt == 0 || pat.expiresAt > now);
        return valid ? new Caller(pat.role) : null;
      }
    }
    for (AccountKey accountKey : accountKeys) {
      if (accountKey.key.equals(key)) {
        boolean valid =
            !accountKey.revoked && !accountKey.rejected && (accountKey.expiresAt == 0 || accountKey.expiresAt > now);
        if (!valid) {
          return null;
        }
        return accounts.stream()
            .filter(a -> a.id.equals(accountKey.accountId))
            .findFirst()
            .map(a -> new Caller(a.role == null ? "NONE" : a.role))
            .orElse(null);
      }
    }
    return null;
  }

  // ---- login ------------------------------------------------------------------------------

  private FakeResponse sessionContext(RecordedRequest request) {
    String email = request.queryParameters().get("email");
    if (email == null || request.queryParameters().get("ref") == null) {
      return error(400, "invalid_input", "email and ref are required");
    }
    boolean exists = passwords.containsKey(email);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("exists", exists);
    data.put("orgs", exists ? List.of(Map.of("id", ORG_ID, "name", "finance-report", "authNSupport", Map.of("password", List.of(Map.of("provider", "email_password"))))) : List.of());
    return success(200, data);
  }

  private FakeResponse sessionLogin(JsonNode body) {
    if (body == null || !ORG_ID.equals(body.path("orgId").asText())) {
      return error(400, "invalid_input", "orgId is required");
    }
    if (!passwordMatches(body)) {
      return error(401, "unauthenticated", "invalid email or password");
    }
    String token = newSecret();
    accessTokens.add(token);
    return success(
        200,
        Map.of("tokenType", "bearer", "accessToken", token, "refreshToken", newSecret(), "expiresIn", 1800));
  }

  private FakeResponse legacyLogin(JsonNode body) {
    if (body == null || !passwordMatches(body)) {
      return error(401, "unauthenticated", "invalid email or password");
    }
    String token = newSecret();
    accessTokens.add(token);
    return success(200, Map.of("accessJwt", token, "refreshJwt", newSecret(), "userId", UUID.randomUUID().toString()));
  }

  private boolean passwordMatches(JsonNode body) {
    String email = body.path("email").asText(null);
    String password = body.path("password").asText(null);
    return email != null && password != null && password.equals(passwords.get(email));
  }

  // ---- personal access tokens (up to v0.117) ----------------------------------------------

  private FakeResponse pats(RecordedRequest request) {
    String path = request.path();
    if (path.equals("/api/v1/pats")) {
      return switch (request.method()) {
        case "GET" -> success(200, pats.stream().filter(p -> !p.revoked).map(this::patView).toList());
        case "POST" -> createPat(request.json());
        default -> error(405, "method_not_allowed", "method not allowed");
      };
    }
    String id = path.substring("/api/v1/pats/".length());
    Pat pat = pats.stream().filter(p -> p.id.equals(id) && !p.revoked).findFirst().orElse(null);
    if (pat == null) {
      return error(404, "not_found", "personal access token " + id + " not found");
    }
    switch (request.method()) {
      case "DELETE":
        pat.revoked = true;
        return FakeResponse.empty(204);
      case "PUT":
        JsonNode body = request.json();
        if (body != null && body.has("name")) {
          pat.name = body.get("name").asText();
        }
        if (body != null && body.has("role")) {
          pat.role = body.get("role").asText();
        }
        return FakeResponse.empty(204);
      default:
        return error(405, "method_not_allowed", "method not allowed");
    }
  }

  private FakeResponse createPat(JsonNode body) {
    if (body == null || body.path("name").asText("").isBlank()) {
      return error(400, "invalid_input", "name is required");
    }
    String role = body.path("role").asText("");
    if (!Set.of("ADMIN", "EDITOR", "VIEWER").contains(role)) {
      return error(400, "invalid_input", "role must be one of ADMIN, EDITOR, VIEWER");
    }
    if (!body.path("expiresInDays").canConvertToLong()) {
      return error(400, "invalid_input", "expiresInDays must be a number");
    }
    long days = body.path("expiresInDays").asLong();
    if (days < 0) {
      return error(400, "invalid_input", "expiresInDays must not be negative");
    }
    Pat pat = new Pat();
    pat.name = body.get("name").asText();
    pat.role = role;
    pat.token = newSecret();
    pat.expiresAt = days == 0 ? 0 : Instant.now().getEpochSecond() + days * 86_400;
    pat.rejected = newKeysRejected;
    pats.add(pat);
    return success(minor < 50 ? 200 : 201, patView(pat));
  }

  private Map<String, Object> patView(Pat pat) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", pat.id);
    view.put("name", pat.name);
    view.put("role", pat.role);
    view.put("token", pat.token);
    view.put("expiresAt", pat.expiresAt);
    view.put("revoked", pat.revoked);
    view.put("createdAt", Instant.now().getEpochSecond());
    return view;
  }

  // ---- service accounts (from v0.118) ------------------------------------------------------

  private FakeResponse serviceAccounts(RecordedRequest request) {
    String method = request.method();
    String path = request.path();
    if (path.equals("/api/v1/roles") && method.equals("GET")) {
      List<Map<String, Object>> roles = new ArrayList<>();
      roleIds.forEach((name, id) -> roles.add(Map.of("id", id, "name", name, "type", "managed")));
      return success(200, roles);
    }
    if (path.equals("/api/v1/service_account_roles") && method.equals("POST")) {
      if (minor < 132) {
        return error(404, "not_found", "route not found: POST " + path);
      }
      JsonNode body = request.json();
      return assignRole(body == null ? "" : body.path("serviceAccountId").asText(""), body == null ? "" : body.path("roleId").asText(""));
    }
    if (path.equals("/api/v1/service_accounts")) {
      return switch (method) {
        case "GET" -> success(200, accounts.stream().map(this::accountView).toList());
        case "POST" -> createAccount(request.json());
        default -> error(405, "method_not_allowed", "method not allowed");
      };
    }
    Matcher roles = Pattern.compile("^/api/v1/service_accounts/([^/]+)/roles$").matcher(path);
    if (roles.matches() && method.equals("POST")) {
      if (minor >= 132) {
        return error(404, "not_found", "route not found: POST " + path);
      }
      JsonNode body = request.json();
      return assignRole(roles.group(1), body == null ? "" : body.path("id").asText(""));
    }
    Matcher keys = Pattern.compile("^/api/v1/service_accounts/([^/]+)/keys(?:/([^/]+))?$").matcher(path);
    if (keys.matches()) {
      ServiceAccount account = accounts.stream().filter(a -> a.id.equals(keys.group(1))).findFirst().orElse(null);
      if (account == null) {
        return error(404, "not_found", "service account " + keys.group(1) + " not found");
      }
      if (keys.group(2) == null) {
        return switch (method) {
          case "GET" -> success(200, accountKeys.stream().filter(k -> k.accountId.equals(account.id) && !k.revoked).map(this::keyView).toList());
          case "POST" -> createAccountKey(account, request.json());
          default -> error(405, "method_not_allowed", "method not allowed");
        };
      }
      if (method.equals("DELETE")) {
        AccountKey key =
            accountKeys.stream()
                .filter(k -> k.id.equals(keys.group(2)) && k.accountId.equals(account.id) && !k.revoked)
                .findFirst()
                .orElse(null);
        if (key == null) {
          return error(404, "not_found", "key " + keys.group(2) + " not found");
        }
        key.revoked = true;
        return FakeResponse.empty(204);
      }
    }
    return error(404, "not_found", "route not found: " + method + " " + path);
  }

  private FakeResponse createAccount(JsonNode body) {
    String name = body == null ? "" : body.path("name").asText("");
    if (!ACCOUNT_NAME.matcher(name).matches()) {
      return error(400, "invalid_input", "name must match ^[a-z][a-z0-9-]{0,49}$");
    }
    if (accounts.stream().anyMatch(a -> a.name.equals(name))) {
      return error(409, "already_exists", "service account " + name + " already exists");
    }
    ServiceAccount account = new ServiceAccount();
    account.name = name;
    accounts.add(account);
    return success(201, Map.of("id", account.id));
  }

  private FakeResponse assignRole(String accountId, String roleId) {
    ServiceAccount account = accounts.stream().filter(a -> a.id.equals(accountId)).findFirst().orElse(null);
    String roleName =
        roleIds.entrySet().stream().filter(e -> e.getValue().equals(roleId)).map(Map.Entry::getKey).findFirst().orElse(null);
    if (account == null || roleName == null) {
      return error(404, "not_found", "service account or role not found");
    }
    account.role = MANAGED_ROLES.get(roleName);
    return success(200, Map.of("serviceAccountId", accountId, "roleId", roleId));
  }

  private FakeResponse createAccountKey(ServiceAccount account, JsonNode body) {
    String name = body == null ? "" : body.path("name").asText("");
    if (!KEY_NAME.matcher(name).matches()) {
      return error(400, "invalid_input", "name must match ^[a-z][a-z0-9-]{0,79}$");
    }
    if (body == null || !body.path("expiresAt").canConvertToLong()) {
      return error(400, "invalid_input", "expiresAt must be unix seconds");
    }
    long expiresAt = body.path("expiresAt").asLong();
    if (expiresAt != 0 && expiresAt <= Instant.now().getEpochSecond()) {
      return error(400, "invalid_input", "expiresAt must be in the future, or 0 for never");
    }
    if (accountKeys.stream().anyMatch(k -> k.accountId.equals(account.id) && k.name.equals(name) && !k.revoked)) {
      return error(409, "already_exists", "a key named " + name + " already exists");
    }
    AccountKey key = new AccountKey();
    key.accountId = account.id;
    key.name = name;
    key.key = newSecret();
    key.expiresAt = expiresAt;
    key.rejected = newKeysRejected;
    accountKeys.add(key);
    return success(201, Map.of("id", key.id, "key", key.key));
  }

  private Map<String, Object> accountView(ServiceAccount account) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", account.id);
    view.put("name", account.name);
    view.put("email", account.name + "@service-account.signoz.local");
    view.put("status", "active");
    return view;
  }

  private Map<String, Object> keyView(AccountKey key) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", key.id);
    view.put("name", key.name);
    view.put("expiresAt", key.expiresAt);
    view.put("createdAt", Instant.now().getEpochSecond());
    return view;
  }

  // ---- envelopes ---------------------------------------------------------------------------

  static FakeResponse success(int status, Object data) {
    return FakeResponse.json(status, Map.of("status", "success", "data", data));
  }

  static FakeResponse error(int status, String type, String message) {
    return FakeResponse.json(
        status, Map.of("status", "error", "error", Map.of("type", type, "code", type, "message", message)));
  }

  private static FakeResponse forbidden() {
    return error(403, "forbidden", "only admins can manage API keys");
  }

  private static String typeFor(int status) {
    return switch (status) {
      case 400 -> "invalid_input";
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 409 -> "already_exists";
      default -> "internal";
    };
  }

  @Override
  public void close() {
    server.close();
  }
}
