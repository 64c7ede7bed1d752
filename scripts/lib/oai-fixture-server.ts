/**
 * A local HTTP server that answers OAI-PMH requests from a function: the tests replay the real
 * SLiMS answers in ../shared/fixtures/slims through it, and `npm run bench` serves a generated
 * catalogue of 10,000 records with it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureAnswer {
  readonly status?: number;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface FixtureServer {
  readonly url: string;
  /** Every request's path and query, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startFixtureServer(
  answer: (url: URL) => FixtureAnswer | 'drop',
): Promise<FixtureServer> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    const reply = answer(url);
    if (reply === 'drop') {
      request.socket.destroy();
      return;
    }
    response.writeHead(reply.status ?? 200, {
      'content-type': 'text/xml; charset=utf-8',
      ...reply.headers,
    });
    response.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
