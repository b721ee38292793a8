package com.financereport.observability.internal.spool;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Instance folders in one JVM; the cross-process cases are in SpoolProcessRestartTest. */
class ServiceSpoolFolderTest {
  private static final SpoolOwner LEDGER = new SpoolOwner("ledger", "production");

  @TempDir Path temp;
  private final List<InstanceFolder> held = new ArrayList<>();

  @AfterEach
  void release() {
    held.forEach(InstanceFolder::close);
  }

  private InstanceFolder claim(ServiceSpoolFolder folder) throws IOException {
    InstanceFolder instance = folder.claim();
    held.add(instance);
    return instance;
  }

  @Test
  void aProcessClaimsTheFirstInstanceFolderAndRecordsItsOwner() throws IOException {
    InstanceFolder instance = claim(new ServiceSpoolFolder(temp.resolve("ledger"), LEDGER));

    assertThat(instance.path()).isEqualTo(temp.resolve("ledger/instance-1").toAbsolutePath());
    assertThat(SpoolOwner.readFrom(instance.path())).contains(LEDGER);
  }

  @Test
  void theServiceAndInstanceFoldersAreOwnerOnly() throws IOException {
    InstanceFolder instance = claim(new ServiceSpoolFolder(temp.resolve("a/b/ledger"), LEDGER));

    for (Path folder :
        List.of(temp.resolve("a"), temp.resolve("a/b/ledger"), instance.path())) {
      assertThat(Files.getPosixFilePermissions(folder))
          .as(folder.toString())
          .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void aFolderOthersCanReadIsMadeOwnerOnlyWithAWarning() throws IOException {
    Path service =
        Files.createDirectory(
            temp.resolve("ledger"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Logger logger = (Logger) LoggerFactory.getLogger(PrivateFolder.class);
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    warnings.start();
    logger.addAppender(warnings);
    try {
      claim(new ServiceSpoolFolder(service, LEDGER));
    } finally {
      logger.detachAppender(warnings);
    }

    assertThat(Files.getPosixFilePermissions(service))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(warnings.list)
        .singleElement()
        .extracting(ILoggingEvent::getFormattedMessage)
        .asString()
        .contains("was open to other users (rwxr-xr-x)");
  }

  @Test
  void aSecondPipelineOfTheSameJvmGetsAnotherInstanceFolder() throws IOException {
    ServiceSpoolFolder folder = new ServiceSpoolFolder(temp.resolve("ledger"), LEDGER);
    claim(folder);

    InstanceFolder second = claim(folder);

    assertThat(second.path().getFileName().toString()).isEqualTo("instance-2");
  }

  @Test
  void aFolderOfAnotherEnvironmentIsNeitherClaimedNorAdopted() throws IOException {
    Path service = temp.resolve("ledger");
    InstanceFolder staging = claim(new ServiceSpoolFolder(service, new SpoolOwner("ledger", "staging")));
    Files.writeString(staging.path().resolve(SpoolSegment.fileName(1)), "{}\n");
    staging.close();
    ServiceSpoolFolder production = new ServiceSpoolFolder(service, LEDGER);

    assertThat(production.adoptDeadInstances()).isEmpty();
    assertThat(claim(production).path().getFileName().toString()).isEqualTo("instance-2");
  }

  @Test
  void aFreeFolderWithRecordsIsAdoptedAndAHeldOneIsNot() throws IOException {
    Path service = temp.resolve("ledger");
    ServiceSpoolFolder folder = new ServiceSpoolFolder(service, LEDGER);
    InstanceFolder dead = claim(folder);
    Files.writeString(dead.path().resolve(SpoolSegment.fileName(1)), "{}\n");
    dead.close();
    InstanceFolder live = claim(folder); // takes instance-1 again: it is free
    InstanceFolder other = claim(folder);
    Files.writeString(other.path().resolve(SpoolSegment.fileName(1)), "{}\n");
    other.close();

    List<InstanceFolder> adopted = folder.adoptDeadInstances();
    held.addAll(adopted);

    assertThat(live.path().getFileName().toString()).isEqualTo("instance-1");
    assertThat(adopted).extracting(InstanceFolder::path).containsExactly(other.path());
  }

  @Test
  void aFreeFolderWithoutRecordsIsRemoved() throws IOException {
    Path service = temp.resolve("ledger");
    ServiceSpoolFolder folder = new ServiceSpoolFolder(service, LEDGER);
    claim(folder);
    InstanceFolder empty = claim(folder);
    empty.close();

    assertThat(folder.adoptDeadInstances()).isEmpty();
    assertThat(empty.path()).doesNotExist();
  }

  @Test
  void aFolderHeldInThisJvmIsNotLockedASecondTime() throws IOException {
    Path instance = temp.resolve("instance-1");
    held.add(InstanceFolder.tryLock(instance).orElseThrow());

    Optional<InstanceFolder> again = InstanceFolder.tryLock(instance);

    assertThat(again).isEmpty();
  }
}
