import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { createJsonLogger } from '../../functions/logging';
import { appInsightsSink } from '../../functions/telemetry';

// Application Insights' ingestion endpoint, answered locally: the SDK posts envelopes to
// <IngestionEndpoint>/v2.1/track (gzipped JSON array, or newline-delimited JSON).
async function startIngestion() {
  const envelopes: Array<{ name: string; data: { baseType: string; baseData: Record<string, unknown> } }> =
    [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw)
        .toString('utf8')
        .trim();
      const parsed: unknown = text.startsWith('[')
        ? JSON.parse(text)
        : text.split('\n').map((l) => JSON.parse(l));
      envelopes.push(...(parsed as typeof envelopes));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ itemsReceived: envelopes.length, itemsAccepted: envelopes.length, errors: [] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    envelopes,
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('Application Insights logging', () => {
  it('sends each line as a trace with its correlation id, and an error also as an exception', async () => {
    const ingestion = await startIngestion();
    try {
      const telemetry = appInsightsSink(
        `InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=${ingestion.url}`,
      );
      const logger = createJsonLogger({ level: 'info', sinks: [telemetry.sink], fields: { app: 'moments' } });
      const turn = logger.child({ correlationId: 'activity-42', tenantId: 'tenant-a' });
      turn.debug('not sent: below the level');
      turn.info('kudos given', { recognitionId: 'kudos-1' });
      turn.error('turn failed', {
        error: Object.assign(new Error('Cosmos DB said 503'), { statusCode: 503 }),
      });
      await telemetry.flush();
      const traces = ingestion.envelopes.filter((e) => e.data.baseType === 'MessageData');
      expect(traces.map((t) => t.data.baseData.message)).toEqual(['kudos given', 'turn failed']);
      expect(traces[0]?.data.baseData.properties).toMatchObject({
        app: 'moments',
        correlationId: 'activity-42',
        tenantId: 'tenant-a',
        recognitionId: 'kudos-1',
        level: 'info',
      });
      expect(traces[1]?.data.baseData.severityLevel).toBe(3);
      const exceptions = ingestion.envelopes.filter((e) => e.data.baseType === 'ExceptionData');
      expect(exceptions).toHaveLength(1);
      expect(JSON.stringify(exceptions[0]?.data.baseData)).toContain('Cosmos DB said 503');
      expect(exceptions[0]?.data.baseData.properties).toMatchObject({ correlationId: 'activity-42' });
    } finally {
      await ingestion.close();
    }
  });
});
