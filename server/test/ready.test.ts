import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { waitForReady } from "./ready";

let server: http.Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

// A server that answers 503 to its first `busyAnswers` probes, as a slow start on a loaded machine does.
async function slowServer(busyAnswers: number) {
  let probes = 0;
  server = http.createServer((_request, response) => {
    probes += 1;
    response.statusCode = probes > busyAnswers ? 200 : 503;
    response.end();
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/readyz`, probes: () => probes };
}

describe("waitForReady", () => {
  it("keeps polling past any fixed number of tries until the server is ready (the old wait gave up after 300)", async () => {
    const { url, probes } = await slowServer(400);
    await waitForReady(url, { exitCode: null }, AbortSignal.timeout(60_000), 0);
    expect(probes()).toBe(401);
  }, 60_000);

  it("gives up when the test's signal aborts, saying so", async () => {
    const { url } = await slowServer(Number.POSITIVE_INFINITY);
    await expect(waitForReady(url, { exitCode: null }, AbortSignal.timeout(300), 10)).rejects.toThrow(
      /not ready within the test's time limit/,
    );
  });

  it("stops at once when the server process has exited", async () => {
    const { url } = await slowServer(Number.POSITIVE_INFINITY);
    await expect(waitForReady(url, { exitCode: 3 }, AbortSignal.timeout(60_000))).rejects.toThrow(/exited with 3/);
  });
});
