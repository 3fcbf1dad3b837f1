package org.ttnlw.migrate.devices;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.core.Notices;
import org.ttnlw.migrate.pipeline.Delivery;
import org.ttnlw.migrate.pipeline.ExportPipeline;
import org.ttnlw.migrate.pipeline.Job;
import org.ttnlw.migrate.pipeline.Mode;
import org.ttnlw.migrate.pipeline.RefFormat;
import org.ttnlw.migrate.pipeline.RunJournal;
import org.ttnlw.migrate.pipeline.RunSettings;
import org.ttnlw.migrate.pipeline.SideEffects;
import org.ttnlw.migrate.pipeline.Transform;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.source.Disabling;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceNeeds;
import org.ttnlw.migrate.source.SourceStep;
import org.ttnlw.migrate.target.TargetConfig;
import org.ttnlw.migrate.target.TtsTarget;

/**
 * Devices through the pipeline: read from a source, kept downlink-ready, without their session
 * when asked, renamed by the ID prefix, created in the target when migrating, then disabled or
 * deleted at the source; with gateways handed over in between when there are any.
 */
public final class DeviceJob implements Job<DeviceRef, EndDevice, Source> {
  /**
   * Gateways handed over between creating devices in the target and stopping them at the
   * source ({@code migrate application --with-gateways}).
   */
  public interface HandOver {
    /**
     * Hands the gateways over; told which devices of the run keep their session (ABP, or
     * exported with it) and so depend on them.
     */
    void run(List<DeviceRef> keepingSession);
  }

  private final boolean dryRun;
  private final String devIdPrefix;
  private final Mode<TargetConfig> mode;
  private final MigrationChoices choices;
  private final Listing listing;
  private final Function<CallSettings, Source> openSource;
  private final Function<Source, Iterator<DeviceRef>> devices;
  private final Optional<HandOver> handOver;
  private final CompletableFuture<Void> gate = new CompletableFuture<>();
  private final List<DeviceRef> keepingSession = Collections.synchronizedList(new ArrayList<>());
  private final Notices notices = new Notices();

  /**
   * Where the devices come from.
   *
   * @param applicationIds the applications named on the command line or stdin; empty when the
   *     devices are named by ID, or every device is listed
   * @param listed whether the devices are listed by the source rather than named one by one
   * @param limit how many devices the run takes at most ({@code --limit})
   * @param selected the selection the devices pass, whose notices the run's end says with its
   *     own
   */
  public record Listing(List<String> applicationIds, boolean listed, OptionalLong limit,
      SelectedDevices selected) {}

  /**
   * @param settings the run's dry run and device ID prefix
   * @param handOver gateways handed over before any device is stopped at the source
   */
  public DeviceJob(RunSettings settings, Mode<TargetConfig> mode, MigrationChoices choices,
      Listing listing, Function<CallSettings, Source> openSource,
      Function<Source, Iterator<DeviceRef>> devices, Optional<HandOver> handOver) {
    this.dryRun = settings.dryRun();
    this.devIdPrefix = settings.devIdPrefix();
    this.mode = mode;
    this.choices = choices;
    this.listing = listing;
    this.openSource = openSource;
    this.devices = devices;
    this.handOver = handOver;
  }

  @Override
  public String noun() {
    return "device";
  }

  @Override
  public RefFormat<DeviceRef> refs() {
    return RefFormat.DEVICES;
  }

  @Override
  public Mode<TargetConfig> mode() {
    return mode;
  }

  @Override
  public RunJournal.Kind journalKind() {
    return mode.hasTarget() ? RunJournal.Kind.MIGRATION : RunJournal.Kind.EXPORT;
  }

  @Override
  public boolean listed() {
    return listing.listed();
  }

  @Override
  public Optional<String> finalSourceStep() {
    return dryRun || mode.hasTarget() ? Optional.empty() : choices.finalStep();
  }

  @Override
  public Source open(CallSettings context) {
    return openSource.apply(context);
  }

  @Override
  public void preflight(Source source) {
    source.preflight(new SourceNeeds(listing.applicationIds(),
        dryRun ? SourceStep.KEEP : choices.afterExport()));
  }

  @Override
  public Iterator<DeviceRef> items(Source source) {
    return devices.apply(source);
  }

  @Override
  public OptionalLong limit() {
    return listing.limit();
  }

  @Override
  public CompletableFuture<EndDevice> read(Source source, DeviceRef ref) {
    if (!listing.listed()) {
      return source.fetch(ref);
    }
    return source.fetch(ref).exceptionally(failure -> {
      RuntimeException cause = Futures.unwrap(failure);
      if (cause instanceof MigrationException gone && gone.isNotFound()) {
        throw new MigrationException("device " + ref + " vanished after listing: the source no"
            + " longer holds it (deleted meanwhile?); it was not exported (" + gone.getMessage()
            + ")", gone);
      }
      throw cause;
    });
  }

  @Override
  public Transform<EndDevice> transform() {
    Transform<EndDevice> chosen = new KeepDownlinksOn(notices);
    if (choices.noSession()) {
      chosen = chosen.andThen(new NoSession());
    }
    chosen = chosen.andThen(new DeviceIdRules(devIdPrefix));
    if (handOver.isEmpty()) {
      return chosen;
    }
    return chosen.andThen(device -> {
      if (device.hasSession() || !device.getSupportsJoin()) {
        keepingSession.add(DeviceRef.of(device.getIds()));
      }
      return device;
    });
  }

  @Override
  public ExportPipeline.AllWritten allWritten() {
    if (handOver.isEmpty()) {
      return whole -> { };
    }
    return whole -> {
      if (!whole) {
        gate.completeExceptionally(new MigrationException("the run stopped before the gateways"
            + " were handed over, so the device stays in service at the source"));
        return;
      }
      try {
        handOver.get().run(List.copyOf(keepingSession));
        gate.complete(null);
      } catch (RuntimeException e) {
        gate.completeExceptionally(e);
      }
    };
  }

  @Override
  public Delivery<EndDevice> delivery(Source source, CallSettings context) {
    return mode.target().map(config -> opened(config, context)).orElseGet(Delivery::none);
  }

  private Delivery<EndDevice> opened(TargetConfig config, CallSettings context) {
    TtsTarget opened = new TtsTarget(choices.disabling() == Disabling.KEYS
        ? config.forSourceThatChangesKeys() : config, context, dryRun);
    try {
      opened.checkApplication();
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    return opened;
  }

  @Override
  public SideEffects<DeviceRef> sideEffects(Source source, Delivery<EndDevice> delivery,
      RunJournal<DeviceRef> journal) {
    SideEffects<DeviceRef> steps = new SourceSideEffects(source, choices, dryRun);
    return handOver.isEmpty() ? steps : new GatedSideEffects<>(steps, gate);
  }

  @Override
  public Map<String, String> planIds(DeviceRef ref, EndDevice device) {
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("application_id", ref.applicationId());
    ids.put("device_id", ref.deviceId());
    if (device != null && !device.getIds().getDevEui().isEmpty()) {
      ids.put("dev_eui", HexFormat.of().withUpperCase()
          .formatHex(device.getIds().getDevEui().toByteArray()));
    }
    return ids;
  }

  @Override
  public List<String> remarks(Source source, Delivery<EndDevice> delivery,
      SideEffects<DeviceRef> sideEffects) {
    List<String> remarks = new ArrayList<>(source.remarks());
    listing.selected().remark().ifPresent(remarks::add);
    return remarks;
  }

  @Override
  public List<Notices> notices(Source source, Delivery<EndDevice> delivery) {
    return List.of(notices, source.notices(), listing.selected().notices());
  }

  @Override
  public void checkEnd() {
    listing.selected().checkSomeNamedListed();
  }
}
