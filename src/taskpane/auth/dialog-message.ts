import { z } from "zod";

/** What the sign-in dialog page sends back with messageParent: an access token, or why not. */
export const DialogMessage = z.union([
  z.object({ accessToken: z.string().min(1), expiresOn: z.number() }),
  z.object({ error: z.string().min(1) }),
]);
export type DialogMessage = z.infer<typeof DialogMessage>;

/** The dialog page, on the pane's own origin as the dialog API requires. */
export const SIGN_IN_DIALOG_PATH = "/signin-dialog.html";
