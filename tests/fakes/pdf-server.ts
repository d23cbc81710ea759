/**
 * A stand-in for documents.un.org in tests: serves fixed bytes as a PDF on 127.0.0.1 (port 0) so
 * the ingestion's download path (CONVENTION_PDF_URL) can be exercised with good and bad bytes,
 * and counts the requests so a test can tell a download from a cache hit.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface PdfServer {
  url: string;
  /** Requests received so far. */
  readonly requests: number;
  close(): Promise<void>;
}

export async function startPdfServer(bytes: Uint8Array): Promise<PdfServer> {
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    res.writeHead(200, { "content-type": "application/pdf", "content-length": bytes.length });
    res.end(Buffer.from(bytes));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/symbol/access?s=A%2FRES%2F79%2F243&l=en&t=pdf`,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens (a port that was just bound, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/A_RES_79_243-EN.pdf`;
}
