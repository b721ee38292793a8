package com.financereport.cli.signoz;

/** The SigNoz key as kept in Vault: fields api_key, api_key_name, api_key_id, url. */
record StoredSignozKey(String apiKey, String name, String id, String url) {
  @Override
  public String toString() {
    return "StoredSignozKey[name=" + name + ", id=" + id + ", url=" + url + ", apiKey=****]";
  }
}
