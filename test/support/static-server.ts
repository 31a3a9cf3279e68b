import { createServer, type Server } from 'node:http';
import sirv from 'sirv';

/** Serve a built site under its base path, as GitHub Pages would. */
export async function serveStatic(dir: string, base: string): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const files = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.statusCode = 404;
      res.end('not under base');
      return;
    }
    req.url = `/${url.slice(base.length)}`;
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html');
      res.end('<!doctype html><title>404</title>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    server,
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
