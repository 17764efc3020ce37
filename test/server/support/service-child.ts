// The booking service in a child process, so a test can SIGKILL it in the middle of a provider
// call (the crash tests). Environment comes as JSON in SVM_CHILD_ENV; it prints its port.
import { loadConfig } from "../../../src/server/config";
import { createService } from "../../../src/server/service";

const env = JSON.parse(process.env.SVM_CHILD_ENV ?? "{}") as Record<string, string>;
const service = await createService(loadConfig(env), { defaultMetrics: false });
const address = await service.app.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write(`${JSON.stringify({ url: address, pid: process.pid })}\n`);
