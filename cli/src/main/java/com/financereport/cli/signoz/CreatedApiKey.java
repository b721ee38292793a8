package com.financereport.cli.signoz;

/**
 * A key just created: the only moment its value is known.
 *
 * @param ownerId the service account holding it (v0.118+), null for a personal access token
 */
public record CreatedApiKey(String id, String name, String key, String ownerId) {

  /** The key as a listing would show it, to revoke it again. */
  ApiKey asListed() {
    return new ApiKey(id, name, "", 0, ownerId, null);
  }

  @Override
  public String toString() {
    return "CreatedApiKey[id=" + id + ", name=" + name + ", key=****]";
  }
}
