// Server-Timing's "provider" figure: how long one request waited for Pexip or Graph. The
// providers are wrapped per request with that request's tally, rather than finding the request
// through AsyncLocalStorage: on Node 20 that installs promise hooks for the whole process, which
// cost 0.1-0.2 ms of CPU per create (every promise of every request pays for it).
import type { JoinData, ServiceId } from "../shared";
import type { Providers } from "./providers/registry";
import type {
  CreateMeetingInput,
  ListOptions,
  HostSecret,
  Organizer,
  ProviderRef,
  UpdateMeetingInput,
  VideoProvider,
} from "./providers/video-provider";

/** Milliseconds one request has waited for providers so far. */
export interface ProviderTally {
  ms: number;
}

class TimedProvider implements VideoProvider {
  constructor(
    private readonly inner: VideoProvider,
    private readonly tally: ProviderTally,
  ) {}

  get service(): ServiceId {
    return this.inner.service;
  }

  private async timed<T>(call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await call();
    } finally {
      this.tally.ms += performance.now() - started;
    }
  }

  createMeeting(input: CreateMeetingInput) {
    return this.timed(() => this.inner.createMeeting(input));
  }

  updateMeeting(ref: ProviderRef, input: UpdateMeetingInput) {
    return this.timed(() => this.inner.updateMeeting(ref, input));
  }

  deleteMeeting(ref: ProviderRef) {
    return this.timed(() => this.inner.deleteMeeting(ref));
  }

  getMeeting(ref: ProviderRef) {
    return this.timed(() => this.inner.getMeeting(ref));
  }

  findByBookingId(bookingId: string, organizer: Organizer) {
    return this.timed(() => this.inner.findByBookingId(bookingId, organizer));
  }

  listOurs(options?: ListOptions) {
    return this.timed(() => this.inner.listOurs(options));
  }

  hostUrl(ref: ProviderRef, join: JoinData, host: HostSecret): string {
    return this.inner.hostUrl(ref, join, host);
  }

  ping() {
    return this.timed(() => this.inner.ping());
  }
}

/** The same providers, adding the time of every call to `tally`. */
export function timeProviders(providers: Providers, tally: ProviderTally): Providers {
  const out: Providers = {};
  for (const [service, provider] of Object.entries(providers) as [ServiceId, VideoProvider][]) {
    out[service] = new TimedProvider(provider, tally);
  }
  return out;
}
