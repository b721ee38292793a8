package com.financereport.example.reactive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A plain reactive Spring Boot application on Netty. Nothing in it knows about the observability
 * starter: the dependency alone gives it redacted JSON lines and one request line per request.
 */
@SpringBootApplication
public class ReactiveExampleApplication {
  public static void main(String[] args) {
    SpringApplication.run(ReactiveExampleApplication.class, args);
  }
}
