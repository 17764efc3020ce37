// item.body: getTypeAsync, getAsync(coercionType), and in compose setAsync, prependAsync,
// setSelectedDataAsync — through the client's editor, with Outlook's size and format checks.
import { bodyText } from "../html/clients";
import { ok, fail } from "../store/errors";
import { argumentException, asyncArgs } from "./async";
import { supports, type FakeContext } from "./context";

type Coercion = "html" | "text";

function coercionOf(value: unknown): Coercion | "invalid" {
  return value === "html" || value === "text" ? value : "invalid";
}

function readBody(ctx: FakeContext) {
  return {
    getTypeAsync(...rest: unknown[]): void {
      const args = asyncArgs<string>(rest, "body.getTypeAsync");
      ctx.queue.run(args, () => ok(ctx.store.peek().body.type));
    },
    getAsync(coercionType: unknown, ...rest: unknown[]): void {
      if (typeof coercionType !== "string")
        throw argumentException("coercionType", "body.getAsync");
      const args = asyncArgs<string>(rest, "body.getAsync");
      ctx.queue.run(args, () => {
        const coercion = coercionOf(coercionType);
        if (coercion === "invalid") return fail("InvalidFormatError");
        const body = ctx.store.peek().body;
        return ok(coercion === "text" || body.type === "text" ? bodyText(body.value) : body.value);
      });
    },
  };
}

export function createReadBody(ctx: FakeContext) {
  return readBody(ctx);
}

export function createComposeBody(ctx: FakeContext) {
  const write =
    (method: string, where: "all" | "start" | "selection") =>
    (data: unknown, ...rest: unknown[]): void => {
      if (typeof data !== "string") throw argumentException("data", method);
      const args = asyncArgs<void>(rest, method);
      // Without a coercionType Outlook writes the data as plain text.
      const coercion = coercionOf(args.options.coercionType ?? "text");
      ctx.queue.run(args, () => {
        if (coercion === "invalid") return fail("InvalidFormatError");
        return ctx.store.writeBody(data, coercion, where, ctx.session);
      });
    };
  return {
    ...readBody(ctx),
    ...(supports(ctx, "1.3") ? { setAsync: write("body.setAsync", "all") } : {}),
    prependAsync: write("body.prependAsync", "start"),
    setSelectedDataAsync: write("body.setSelectedDataAsync", "selection"),
  };
}
