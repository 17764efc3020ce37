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

/** Infinity's configuration database, in memory: conferences and their alias objects. */
export class PexipStore {
  readonly conferences = new Map<number, ConferenceRecord>();
  readonly aliases = new Map<number, AliasRecord>();
  private nextConferenceId = 1;
  private nextAliasId = 1;

  constructor(private readonly now: Clock) {}

  reset(): void {
    this.conferences.clear();
    this.aliases.clear();
    this.nextConferenceId = 1;
    this.nextAliasId = 1;
  }

  /** Infinity's timestamps: ISO 8601 in UTC with microseconds and no zone designator. */
  timestamp(): string {
    return new Date(this.now()).toISOString().replace("Z", "000");
  }

  addConference(fields: ConferenceFields): ConferenceRecord {
    const record = { id: this.nextConferenceId++, creationTime: this.timestamp(), fields };
    this.conferences.set(record.id, record);
    return record;
  }

  deleteConference(id: number): void {
    this.conferences.delete(id);
    for (const alias of this.aliasesOf(id)) this.aliases.delete(alias.id);
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
    return record;
  }

  aliasesOf(conferenceId: number): AliasRecord[] {
    return [...this.aliases.values()].filter((a) => a.conferenceId === conferenceId);
  }

  findAlias(alias: string): AliasRecord | undefined {
    return [...this.aliases.values()].find((a) => a.alias === alias);
  }

  findConferenceByName(name: string): ConferenceRecord | undefined {
    return [...this.conferences.values()].find((c) => c.fields.name === name);
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

  allConferenceViews(): ConferenceView[] {
    return [...this.conferences.values()].map((c) => this.conferenceView(c));
  }

  allAliasViews(): AliasView[] {
    return [...this.aliases.values()].map((a) => this.aliasView(a));
  }
}
