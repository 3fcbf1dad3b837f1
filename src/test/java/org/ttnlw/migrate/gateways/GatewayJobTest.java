package org.ttnlw.migrate.gateways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.pipeline.Delivery;
import org.ttnlw.migrate.pipeline.Mode;
import org.ttnlw.migrate.pipeline.OutputFormat;
import org.ttnlw.migrate.pipeline.RefFormat;
import org.ttnlw.migrate.pipeline.RunJournal;
import org.ttnlw.migrate.pipeline.RunSettings;
import org.ttnlw.migrate.pipeline.SideEffects;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.source.SourceStep;
import org.ttnlw.migrate.target.GatewayTargetConfig;

/** The gateway job's answers depend on its settings only, never on which method ran first. */
class GatewayJobTest {
  private static final Path STATE = Path.of("run.state");
  private static final RunSettings SETTINGS = new RunSettings(1, Duration.ofSeconds(1), 0,
      false, false, "", null, STATE, null, OutputFormat.JSON);
  private static final GatewayJob.Migration REDIRECT = new GatewayJob.Migration(
      new GatewayTargetConfig(null, null, "target.example"), true, GatewayJob.DEFAULT_KEYS,
      Optional.empty(), false);

  @Test
  void anExportDeliversNowhereAndChangesNothingAtTheSource() {
    GatewayJob job = new GatewayJob(reading(false), SETTINGS, new Mode.Export<>(),
        GatewayJob.Part.WHOLE);
    GatewaySource source = new Remarking();
    assertEquals(List.of("a remark"), job.remarks(source, Delivery.none(), SideEffects.keep()));
    Delivery<Gateway> delivery = job.delivery(source, SETTINGS.calls());
    assertFalse(delivery.writes());
    SideEffects<GatewayRef> steps = job.sideEffects(source, delivery,
        RunJournal.none(RefFormat.GATEWAYS));
    assertEquals(SourceStep.KEEP, steps.step());
    assertEquals(RunJournal.Kind.GATEWAY_EXPORT, job.journalKind());
    assertEquals(Optional.empty(), job.defaultState());
  }

  @Test
  void aMigrationKeepsItsJournalBesideTheDevicesOrInTheDefaultFile() {
    Mode<GatewayJob.Migration> migrate = new Mode.Migrate<>(REDIRECT);
    assertEquals(Optional.of(GatewayJob.DEFAULT_STATE), new GatewayJob(reading(false), SETTINGS,
        migrate, GatewayJob.Part.WHOLE).defaultState());
    GatewayJob handOver = new GatewayJob(reading(false), SETTINGS, migrate,
        GatewayJob.Part.HAND_OVER_AFTER_DEVICES);
    assertEquals(Optional.of(Path.of("run.state.gateways")), handOver.defaultState());
    assertEquals(RunJournal.Kind.GATEWAY_MIGRATION, handOver.journalKind());
    assertFalse(handOver.writesOutput());
  }

  @Test
  void aRedirectOfGatewaysDeletedAtTheSourceIsRefusedWhenTheJobIsMade() {
    ConfigException refused = assertThrows(ConfigException.class, () -> new GatewayJob(
        reading(true), SETTINGS, new Mode.Migrate<>(REDIRECT), GatewayJob.Part.WHOLE));
    assertTrue(refused.getMessage().contains("--takeover lns-redirect"), refused.getMessage());
  }

  private static GatewayJob.Reading reading(boolean deletesSource) {
    return new SourceGateways(context -> new Remarking(), deletesSource,
        List.<String>of().iterator(), false);
  }

  /** A source with no gateways and one remark. */
  private static final class Remarking implements GatewaySource {
    @Override
    public void preflight() {}

    @Override
    public GatewayRef resolve(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Iterator<GatewayRef> listAll() {
      return List.<GatewayRef>of().iterator();
    }

    @Override
    public CompletableFuture<Gateway> fetch(GatewayRef gateway) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Void> delete(GatewayRef gateway) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> remarks() {
      return List.of("a remark");
    }

    @Override
    public void close() {}
  }
}
