// A small Office.js for running the launch-event bundle in a bare node:vm context: just what the
// handlers call, with Office's callback shape (AsyncResult) and asynchronous callbacks.
export interface FakeItemState {
  subject: string;
  location: string;
  body: string;
  start: Date;
  end: Date;
  required: string[];
  optional: string[];
  recurrenceEnd: string | null | undefined;
  /** Set when the form edits one occurrence of a series (Outlook's item.seriesId). */
  seriesId?: string;
  props: Record<string, unknown>;
  failBody?: boolean;
  /** Display names by address (default: the address itself). */
  displayNames?: Record<string, string>;
}

export interface FakeOffice {
  Office: unknown;
  associated: Map<string, (event: unknown) => unknown>;
  notifications: Map<string, { type: string; message: string }>;
  savedProps: Record<string, unknown> | null;
  /** The options of every Office.auth.getAccessToken call (legacy Office SSO). */
  tokenRequests: unknown[];
}

type Callback = (result: unknown) => void;

function ok(cb: Callback | undefined, value: unknown): void {
  if (cb) setTimeout(() => cb({ status: "succeeded", value }), 0);
}

function fail(cb: Callback | undefined, name: string): void {
  if (cb) setTimeout(() => cb({ status: "failed", error: { name, message: name, code: 9000 } }), 0);
}

/** `mailbox` is the highest Mailbox requirement set the fake client supports, e.g. "1.14". */
export function fakeOffice(
  state: FakeItemState,
  opts: { mailbox?: string; lang?: string; ssoToken?: string | Error } = {},
): FakeOffice {
  const supported = opts.mailbox ?? "1.14";
  const associated = new Map<string, (event: unknown) => unknown>();
  const notifications = new Map<string, { type: string; message: string }>();
  const fake: FakeOffice = {
    Office: null,
    associated,
    notifications,
    savedProps: null,
    tokenRequests: [],
  };
  const getter = (read: () => unknown) => ({ getAsync: (cb: Callback) => ok(cb, read()) });
  const props = { ...state.props };
  const item = {
    subject: getter(() => state.subject),
    location: getter(() => state.location),
    start: getter(() => state.start),
    end: getter(() => state.end),
    requiredAttendees: getter(() =>
      state.required.map((emailAddress) => ({
        emailAddress,
        displayName: state.displayNames?.[emailAddress] ?? emailAddress,
      })),
    ),
    optionalAttendees: getter(() =>
      state.optional.map((emailAddress) => ({ emailAddress, displayName: emailAddress })),
    ),
    seriesId: state.seriesId ?? null,
    recurrence: getter(() =>
      state.recurrenceEnd === undefined
        ? null
        : { seriesTime: { getEndDate: () => state.recurrenceEnd } },
    ),
    body: {
      getAsync: (coercion: string, cb: Callback) =>
        state.failBody
          ? fail(cb, "GenericResponseError")
          : coercion === "html"
            ? ok(cb, state.body)
            : fail(cb, "InvalidFormatError"),
    },
    loadCustomPropertiesAsync: (cb: Callback) =>
      ok(cb, {
        get: (name: string) => props[name],
        set: (name: string, value: unknown) => void (props[name] = value),
        remove: (name: string) => void delete props[name],
        saveAsync: (done: Callback) => {
          fake.savedProps = { ...props };
          ok(done, undefined);
        },
      }),
    notificationMessages: {
      replaceAsync: (
        key: string,
        message: { type: string; message: string; icon?: string },
        cb?: Callback,
      ) => {
        if (message.type === "informationalMessage" && !message.icon)
          throw new Error("icon is required");
        if (message.message.length > 150) throw new Error("message over 150 characters");
        notifications.set(key, { type: message.type, message: message.message });
        ok(cb, undefined);
      },
      removeAsync: (key: string, cb?: Callback) =>
        notifications.delete(key) ? ok(cb, undefined) : fail(cb, "KeyNotFound"),
    },
  };
  const version = (v: string) => v.split(".").map(Number);
  fake.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Html: "html", Text: "text" },
    MailboxEnums: {
      ItemNotificationMessageType: { InformationalMessage: "informationalMessage" },
      SendModeOverride: { PromptUser: "promptUser" },
    },
    // Office.auth exists only where the test gives the client an SSO answer.
    ...(opts.ssoToken === undefined
      ? {}
      : {
          auth: {
            getAccessToken: (options: unknown) => {
              fake.tokenRequests.push(options);
              const answer = opts.ssoToken;
              return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
            },
          },
        }),
    actions: {
      associate: (name: string, fn: (event: unknown) => unknown) => void associated.set(name, fn),
    },
    context: {
      displayLanguage: opts.lang ?? "sv-SE",
      requirements: {
        isSetSupported: (name: string, v: string) => {
          if (name !== "Mailbox") return false;
          const [a = 0, b = 0] = version(v);
          const [x = 0, y = 0] = version(supported);
          return a < x || (a === x && b <= y);
        },
      },
      mailbox: {
        item,
        userProfile: { emailAddress: "anna@region.example.se", displayName: "Anna" },
      },
    },
  };
  return fake;
}
