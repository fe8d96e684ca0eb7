/**
 * A local Application Insights ingestion endpoint for telemetry tests: an HTTPS server on
 * 127.0.0.1 that answers `POST /v2.1/track` as the service does and records every envelope.
 *
 * HTTPS because the Azure SDK's bearer-token policy (Entra-authenticated ingestion) refuses to
 * send a token over plain HTTP. The certificate is made for this run only (openssl, one day,
 * subject 127.0.0.1) and handed to the client as the one certificate authority it trusts for this
 * endpoint, so no certificate check is turned off anywhere.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One telemetry item as the exporter posts it (the Breeze envelope). */
export interface IngestedEnvelope {
  name: string;
  time: string;
  iKey?: string;
  instrumentationKey?: string;
  tags?: Record<string, string>;
  data?: {
    baseType?: string;
    baseData?: {
      message?: string;
      name?: string;
      severityLevel?: string;
      properties?: Record<string, string>;
      exceptions?: Array<{ typeName?: string; message?: string; stack?: string }>;
      [key: string]: unknown;
    };
  };
}

/** A running local ingestion endpoint. */
export interface LocalIngestion {
  /** `https://127.0.0.1:<port>`. */
  endpoint: string;
  /** A connection string pointing the exporter at this endpoint. */
  connectionString: string;
  /** The endpoint's certificate (PEM): the only authority a client needs to trust to reach it. */
  ca: string;
  /** Every envelope received, in the order received. */
  envelopes(): IngestedEnvelope[];
  /** The envelopes of one base type (`MessageData`, `ExceptionData`, `RequestData`, …). */
  ofType(baseType: string): IngestedEnvelope[];
  /** The Authorization header of every track request, in order. */
  authorizations(): Array<string | undefined>;
  close(): Promise<void>;
}

export const TEST_INSTRUMENTATION_KEY = '00000000-0000-4000-8000-00000000a11c';

/** A self-signed certificate for 127.0.0.1, valid for a day. */
function makeCertificate(): { cert: string; key: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'moments-ingestion-'));
  try {
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
        ...['-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'],
        ...['-addext', 'subjectAltName=IP:127.0.0.1'],
      ],
      { stdio: 'ignore' },
    );
    return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The envelopes of a track body: a JSON array, or one JSON object per line. */
function parseEnvelopes(text: string): IngestedEnvelope[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as IngestedEnvelope[];
  return trimmed
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as IngestedEnvelope);
}

/** Starts the endpoint on a free port of 127.0.0.1. */
export async function startLocalIngestion(): Promise<LocalIngestion> {
  const { cert, key } = makeCertificate();
  const received: IngestedEnvelope[] = [];
  const authorizations: Array<string | undefined> = [];
  const server: Server = createServer({ cert, key }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || !request.url?.startsWith('/v2.1/track')) {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      const body = Buffer.concat(chunks);
      const gzipped = request.headers['content-encoding'] === 'gzip';
      const envelopes = parseEnvelopes((gzipped ? gunzipSync(body) : body).toString('utf8'));
      received.push(...envelopes);
      authorizations.push(request.headers.authorization);
      const answer = { itemsReceived: envelopes.length, itemsAccepted: envelopes.length, errors: [] };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `https://127.0.0.1:${port}`;
  return {
    endpoint,
    connectionString: `InstrumentationKey=${TEST_INSTRUMENTATION_KEY};IngestionEndpoint=${endpoint}/`,
    ca: cert,
    envelopes: () => [...received],
    ofType: (baseType) => received.filter((envelope) => envelope.data?.baseType === baseType),
    authorizations: () => [...authorizations],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
