/** A static server for the benchmarks: the built app with its SPA fallback, and mounted folders. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.glb': 'model/gltf-binary',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `dir` on `port`; a path under a key of `mounts` ("/scale/") is read from its folder
 * instead, with no fallback (a missing file is a 404, as on a real host). Like a real host it
 * sends each file's length and answers a single byte range (`Range: bytes=a-b`) with 206, which
 * the scan view uses to fetch one cover's part of its target set.
 */
export function serve(
  dir: string,
  port: number,
  mounts: Readonly<Record<string, string>> = {},
): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    const mount = Object.keys(mounts).find((prefix) => pathname.startsWith(prefix));
    const base = mount ? (mounts[mount] as string) : dir;
    let file = path.join(base, mount ? pathname.slice(mount.length) : pathname);
    const found = file.startsWith(base) && existsSync(file) && !statSync(file).isDirectory();
    if (!found && mount) {
      response.writeHead(404).end();
      return;
    }
    if (!found) file = path.join(dir, 'index.html');
    const size = statSync(file).size;
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : size - 1, size - 1);
      if (start > end) {
        response.writeHead(416, { 'content-range': `bytes */${String(size)}` }).end();
        return;
      }
      response.writeHead(206, {
        'content-type': type,
        'content-length': String(end - start + 1),
        'content-range': `bytes ${String(start)}-${String(end)}/${String(size)}`,
        'accept-ranges': 'bytes',
      });
      createReadStream(file, { start, end }).pipe(response);
      return;
    }
    response.writeHead(200, {
      'content-type': type,
      'content-length': String(size),
      'accept-ranges': 'bytes',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(port, 'localhost', () => {
      resolve(server);
    }),
  );
}
