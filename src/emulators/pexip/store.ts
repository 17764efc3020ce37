import { type Clock } from "../clock";
import { type ConferenceFields } from "./conference-fields";

export const API_BASE = "/api/admin/configuration/v1";

export interface ConferenceRecord {
  id: number;
  creationTime: string;
  fields: ConferenceFields;
}

export interface AliasRecord {
  id: number;
  alias: string;
  description: string;
  conferenceId: number;
  creationTime: string;
}

/** An alias as Infinity nests it inside a conference. */
export interface NestedAlias {
  alias: string;
  conference: string;
  creation_time: string;
  description: string;
  id: number;
}

export type AliasView = NestedAlias & { resource_uri: string };

export type ConferenceView = ConferenceFields & {
  id: number;
  resource_uri: string;
  creation_time: string;
  aliases: NestedAlias[];
  scheduled_conferences: string[];
  scheduled_conferences_count: number;
  sync_tag: string;
};

export const conferenceUri = (id: number) => `${API_BASE}/conference/${id}/`;
export const aliasUri = (id: number) => `${API_BASE}/conference_alias/${id}/`;

/** The id in a `conference_alias` resource URI, or undefined for anything else. */
export function aliasIdOf(uri: string): number | undefined {
  const id = new RegExp(`^${API_BASE}/conference_alias/(\\d+)/$`).exec(uri)?.[1];
  return id === undefined ? undefined : Number(id);
}

/**
 * Infinity's configuration database, in memory: conferences and their alias objects, with
 * the unique indexes (name, alias) and the alias-per-conference index a database would have,
 * so that benchmarks with tens of thousands of rooms stay fast.
 */
export class PexipStore {
  private readonly conferences = new Map<number, ConferenceRecord>();
  private readonly aliases = new Map<number, AliasRecord>();
  private readonly byName = new Map<string, number>();
  private readonly byAlias = new Map<string, number>();
  private readonly aliasIdsOf = new Map<number, Set<number>>();
  private nextConferenceId = 1;
  private nextAliasId = 1;

  constructor(private readonly now: Clock) {}

  reset(): void {
    for (const map of [this.conferences, this.aliases, this.byName, this.byAlias, this.aliasIdsOf])
      map.clear();
    this.nextConferenceId = 1;
    this.nextAliasId = 1;
  }

  /** Infinity's timestamps: ISO 8601 in UTC with microseconds and no zone designator. */
  timestamp(): string {
    return new Date(this.now()).toISOString().replace("Z", "000");
  }

  getConference(id: number): ConferenceRecord | undefined {
    return this.conferences.get(id);
  }

  addConference(fields: ConferenceFields): ConferenceRecord {
    const record = { id: this.nextConferenceId++, creationTime: this.timestamp(), fields };
    this.conferences.set(record.id, record);
    this.byName.set(fields.name, record.id);
    this.aliasIdsOf.set(record.id, new Set());
    return record;
  }

  updateConference(record: ConferenceRecord, fields: ConferenceFields): void {
    this.byName.delete(record.fields.name);
    record.fields = fields;
    this.byName.set(fields.name, record.id);
  }

  deleteConference(id: number): void {
    const record = this.conferences.get(id);
    if (!record) return;
    for (const alias of this.aliasesOf(id)) this.deleteAlias(alias.id);
    this.conferences.delete(id);
    this.byName.delete(record.fields.name);
    this.aliasIdsOf.delete(id);
  }

  getAlias(id: number): AliasRecord | undefined {
    return this.aliases.get(id);
  }

  addAlias(conferenceId: number, alias: string, description = ""): AliasRecord {
    const record = {
      id: this.nextAliasId++,
      alias,
      description,
      conferenceId,
      creationTime: this.timestamp(),
    };
    this.aliases.set(record.id, record);
    this.byAlias.set(alias, record.id);
    this.aliasIdsOf.get(conferenceId)?.add(record.id);
    return record;
  }

  updateAlias(
    record: AliasRecord,
    next: { alias: string; conferenceId: number; description: string },
  ): void {
    this.byAlias.delete(record.alias);
    this.aliasIdsOf.get(record.conferenceId)?.delete(record.id);
    record.alias = next.alias;
    record.conferenceId = next.conferenceId;
    record.description = next.description;
    this.byAlias.set(record.alias, record.id);
    this.aliasIdsOf.get(record.conferenceId)?.add(record.id);
  }

  deleteAlias(id: number): boolean {
    const record = this.aliases.get(id);
    if (!record) return false;
    this.aliases.delete(id);
    this.byAlias.delete(record.alias);
    this.aliasIdsOf.get(record.conferenceId)?.delete(id);
    return true;
  }

  aliasesOf(conferenceId: number): AliasRecord[] {
    const ids = [...(this.aliasIdsOf.get(conferenceId) ?? [])].sort((a, b) => a - b);
    return ids.map((id) => this.aliases.get(id)!);
  }

  findAlias(alias: string): AliasRecord | undefined {
    const id = this.byAlias.get(alias);
    return id === undefined ? undefined : this.aliases.get(id);
  }

  findConferenceByName(name: string): ConferenceRecord | undefined {
    const id = this.byName.get(name);
    return id === undefined ? undefined : this.conferences.get(id);
  }

  conferenceView(record: ConferenceRecord): ConferenceView {
    const view: ConferenceView = {
      ...record.fields,
      id: record.id,
      resource_uri: conferenceUri(record.id),
      creation_time: record.creationTime,
      aliases: this.aliasesOf(record.id).map((a) => {
        const { resource_uri: _uri, ...nested } = this.aliasView(a);
        return nested;
      }),
      scheduled_conferences: [],
      scheduled_conferences_count: 0,
      sync_tag: "",
    };
    // Infinity lists fields alphabetically; keeping that order makes diffs against real
    // responses readable.
    return Object.fromEntries(
      Object.entries(view).sort(([a], [b]) => a.localeCompare(b)),
    ) as ConferenceView;
  }

  aliasView(record: AliasRecord): AliasView {
    return {
      alias: record.alias,
      conference: conferenceUri(record.conferenceId),
      creation_time: record.creationTime,
      description: record.description,
      id: record.id,
      resource_uri: aliasUri(record.id),
    };
  }

  allConferences(): ConferenceRecord[] {
    return [...this.conferences.values()];
  }

  allAliases(): AliasRecord[] {
    return [...this.aliases.values()];
  }

  allConferenceViews(): ConferenceView[] {
    return [...this.conferences.values()].map((c) => this.conferenceView(c));
  }

  allAliasViews(): AliasView[] {
    return [...this.aliases.values()].map((a) => this.aliasView(a));
  }
}
