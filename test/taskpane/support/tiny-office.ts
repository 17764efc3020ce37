// A tiny stand-in for Office.js, enough for the office/ wrappers: callbacks run later (never
// synchronously, as in Office), and any call can be told to fail with an Office error.
type Result<T> = {
  status: "succeeded" | "failed";
  value: T;
  error?: { code: number; name: string; message: string };
};
type Callback<T> = (result: Result<T>) => void;

export interface TinyItem {
  subject: string;
  location: string;
  body: string;
  bodyType: "html" | "text";
  start: Date;
  end: Date;
  required: string[];
  optional: string[];
  recurrenceEndDate: string | null | undefined;
  properties: Record<string, unknown>;
  savedProperties: Record<string, unknown>;
  savedItem: number;
  handlers: Map<string, () => void>;
  /** "body.setAsync" → the error the next such call fails with. */
  failures: Map<string, { code: number; name: string; message: string }>;
}

export function tinyItem(overrides: Partial<TinyItem> = {}): TinyItem {
  return {
    subject: "Uppföljning",
    location: "Mottagning 3",
    body: "<p>Hej</p>",
    bodyType: "html",
    start: new Date("2030-11-27T09:00:00Z"),
    end: new Date("2030-11-27T10:00:00Z"),
    required: [],
    optional: [],
    recurrenceEndDate: undefined,
    properties: {},
    savedProperties: {},
    savedItem: 0,
    handlers: new Map(),
    failures: new Map(),
    ...overrides,
  };
}

function later<T>(item: TinyItem, op: string, cb: Callback<T> | undefined, value: () => T): void {
  const failure = item.failures.get(op);
  setTimeout(() => {
    if (failure) {
      item.failures.delete(op);
      cb?.({ status: "failed", value: undefined as T, error: failure });
    } else cb?.({ status: "succeeded", value: value() });
  }, 0);
}

function field<T>(item: TinyItem, name: "subject" | "location", op = name) {
  return {
    getAsync: (cb: Callback<T>) => later(item, `${op}.getAsync`, cb, () => item[name] as T),
    setAsync: (value: string, cb: Callback<void>) =>
      later(item, `${op}.setAsync`, cb, () => {
        item[name] = value;
      }),
  };
}

/** Installs `globalThis.Office` with `item` as the compose item; returns the item. */
export function installTinyOffice(
  item: TinyItem,
  sets: Record<string, string> = { Mailbox: "1.14" },
): TinyItem {
  const recipients = (list: string[]) => ({
    getAsync: (cb: Callback<Array<{ emailAddress: string; displayName: string }>>) =>
      later(item, "recipients.getAsync", cb, () =>
        list.map((emailAddress) => ({ emailAddress, displayName: "" })),
      ),
  });
  const office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Html: "html", Text: "text" },
    EventType: { OfficeThemeChanged: "officeThemeChanged" },
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) => {
          const have = sets[name];
          return (
            have !== undefined &&
            Number(have.split(".")[1]) >= Number((version ?? "1.1").split(".")[1])
          );
        },
      },
      mailbox: {
        item: {
          subject: field<string>(item, "subject"),
          location: field<string>(item, "location"),
          start: {
            getAsync: (cb: Callback<Date>) => later(item, "start.getAsync", cb, () => item.start),
          },
          end: {
            getAsync: (cb: Callback<Date>) => later(item, "end.getAsync", cb, () => item.end),
          },
          requiredAttendees: recipients(item.required),
          optionalAttendees: recipients(item.optional),
          recurrence: {
            getAsync: (cb: Callback<unknown>) =>
              later(item, "recurrence.getAsync", cb, () =>
                item.recurrenceEndDate === undefined
                  ? null
                  : {
                      recurrenceType: "weekly",
                      seriesTime: { getEndDate: () => item.recurrenceEndDate },
                    },
              ),
          },
          body: {
            getTypeAsync: (cb: Callback<string>) =>
              later(item, "body.getTypeAsync", cb, () => item.bodyType),
            getAsync: (_type: string, cb: Callback<string>) =>
              later(item, "body.getAsync", cb, () => item.body),
            setAsync: (html: string, _options: unknown, cb: Callback<void>) =>
              later(item, "body.setAsync", cb, () => {
                item.body = html;
              }),
          },
          loadCustomPropertiesAsync: (cb: Callback<unknown>) =>
            later(item, "loadCustomPropertiesAsync", cb, () => {
              const values: Record<string, unknown> = { ...item.savedProperties };
              return {
                get: (name: string) => values[name],
                set: (name: string, value: unknown) => {
                  values[name] = value;
                },
                remove: (name: string) => {
                  delete values[name];
                },
                saveAsync: (saveCb: Callback<void>) =>
                  later(item, "properties.saveAsync", saveCb, () => {
                    item.savedProperties = { ...values };
                  }),
              };
            }),
          saveAsync: (cb: Callback<string>) =>
            later(item, "item.saveAsync", cb, () => {
              item.savedItem += 1;
              return "AAMk-item-id";
            }),
          addHandlerAsync: (type: string, handler: () => void, cb: Callback<void>) =>
            later(item, `addHandlerAsync.${type}`, cb, () => {
              item.handlers.set(type, handler);
            }),
          removeHandlerAsync: (type: string, cb: Callback<void>) =>
            later(item, "removeHandlerAsync", cb, () => {
              item.handlers.delete(type);
            }),
        },
      },
    },
  };
  (globalThis as { Office?: unknown }).Office = office;
  return item;
}

export function uninstallTinyOffice(): void {
  delete (globalThis as { Office?: unknown }).Office;
}
