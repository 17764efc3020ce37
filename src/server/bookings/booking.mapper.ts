// Rows ↔ domain values. JSON columns are parsed with the shared schemas: a row written by an
// older version that no longer fits fails loudly here instead of reaching a client.
import { type Booking, JoinData, type MeetingTypeId, type ServiceId } from "../../shared";
import type { BookingRow } from "../db/tables";
import type {
  HostSecret,
  MeetingWindow,
  Organizer,
  ProviderRef,
} from "../providers/video-provider";
import type { SecretBox } from "../crypto/secret-box";

export function toBooking(row: BookingRow): Booking {
  return {
    id: row.id,
    type: row.type as MeetingTypeId,
    service: row.service as ServiceId,
    start: row.start_at,
    end: row.end_at,
    seriesEnd: row.series_end_at,
    state: row.lifecycle === "removed" ? "removed" : "active",
    join: JoinData.parse(JSON.parse(row.join_data ?? "null")),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function windowOf(row: BookingRow): MeetingWindow {
  return {
    start: new Date(row.start_at),
    end: new Date(row.end_at),
    seriesEnd: row.series_end_at === null ? null : new Date(row.series_end_at),
  };
}

export function organizerOf(row: BookingRow): Organizer {
  return { oid: row.organizer_oid, tid: row.organizer_tid };
}

export function parseRef(json: string | null): ProviderRef | null {
  return json === null ? null : (JSON.parse(json) as ProviderRef);
}

export function sealHost(box: SecretBox, host: HostSecret, bookingId: string): string {
  return box.seal(JSON.stringify(host), `host:${bookingId}`);
}

export function openHost(box: SecretBox, sealed: string | null, bookingId: string): HostSecret {
  return sealed === null ? {} : (JSON.parse(box.open(sealed, `host:${bookingId}`)) as HostSecret);
}
